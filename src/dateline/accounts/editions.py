"""Account pages speak the reader's edition.

Sign-in, sign-up, confirmation, password reset and account deletion live at
`/accounts/`, outside every edition's URL prefix. The edition a reader came
from is known by the page they started on (`?next=/cl/…`, which the site's
links and allauth's forms and mails carry along) or, failing that, by the
edition their last account page was in (a cookie). Its language and time zone
are active for the whole request, so the pages, their messages and the mails
sent from them are in the edition's language.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme

from dateline.editions.models import EditionPage, reading_in

COOKIE = "dateline_edition"
COOKIE_MAX_AGE = 365 * 24 * 3600


def return_path(request) -> str | None:
    """The page on this site the reader started from (`next`), if it is one."""
    value = request.GET.get("next") or request.POST.get("next")
    if not value or not url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(value)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _edition_by_slug(slug: str) -> EditionPage | None:
    if not slug:
        return None
    return EditionPage.objects.visible_to_readers().filter(slug=slug).first()


def _edition_of_path(path: str | None) -> EditionPage | None:
    if not path:
        return None
    return _edition_by_slug(path.lstrip("/").split("/", 1)[0])


def reader_edition(request) -> tuple[EditionPage | None, bool]:
    """The reader's edition, and whether it was read from `next` (else the cookie)."""
    edition = _edition_of_path(return_path(request))
    if edition is not None:
        return edition, True
    return _edition_by_slug(request.COOKIES.get(COOKIE, "")), False


def way_back(request) -> str | None:
    """Where a reader goes when an account step is done: the page they started
    from, else their edition's front page."""
    path = return_path(request)
    if path:
        return path
    edition = getattr(request, "reader_edition", None)
    return edition.url if edition else None


def account_pages_in_readers_edition(get_response):
    """Renders account pages (and the mails they send) in the reader's edition."""
    prefix = "/accounts/"

    def middleware(request):
        if not request.path.startswith(prefix):
            return get_response(request)
        edition, from_next = reader_edition(request)
        if edition is None:
            return get_response(request)
        request.reader_edition = edition
        with reading_in(edition):
            response = get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response.headers.setdefault("Content-Language", edition.language)
        if from_next:
            response.set_cookie(
                COOKIE,
                edition.slug,
                max_age=COOKIE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    return middleware
