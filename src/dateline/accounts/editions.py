"""Account pages speak the reader's edition.

Sign-in, sign-up, confirmation, password reset and account deletion live at
`/accounts/`, outside every edition's URL prefix. The edition a reader came
from is known by the page they started on (`?next=/cl/…`, which the site's
links and allauth's forms and mails carry along) or, failing that, by the
page their last account page was reached from (a cookie). Its language and time zone
are active for the whole request, so the pages, their messages and the mails
sent from them are in the edition's language.
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme

from dateline.editions.models import EditionPage, reading_in

COOKIE = "dateline_return"
COOKIE_MAX_AGE = 365 * 24 * 3600


def _on_this_site(request, value: str | None) -> str | None:
    """`value` as a path (and query) on this site, or None if it leads elsewhere."""
    if not value or not url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(value)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def return_path(request) -> str | None:
    """The page on this site the reader started from (`next`), if it is one."""
    return _on_this_site(request, request.GET.get("next") or request.POST.get("next"))


def _edition_of_path(path: str | None) -> EditionPage | None:
    slug = (path or "").lstrip("/").split("/", 1)[0]
    if not slug:
        return None
    return EditionPage.objects.visible_to_readers().filter(slug=slug).first()


def reader_edition(request) -> tuple[EditionPage | None, str | None, bool]:
    """The reader's edition, the page they started from in it, and whether
    that was read from `next` (else from the page their last account page
    remembered)."""
    path = return_path(request)
    edition = _edition_of_path(path)
    if edition is not None:
        return edition, path, True
    path = _on_this_site(request, unquote(request.COOKIES.get(COOKIE, "")))
    edition = _edition_of_path(path)
    return edition, path if edition else None, False


def way_back(request) -> str | None:
    """Where a reader goes when an account step is done: the page they started
    from, else their edition's front page."""
    path = return_path(request) or getattr(request, "reader_return", None)
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
        edition, path, from_next = reader_edition(request)
        if edition is None:
            return get_response(request)
        request.reader_edition, request.reader_return = edition, path
        with reading_in(edition):
            response = get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response.headers.setdefault("Content-Language", edition.language)
        if from_next:
            # Account pages reached without `next` (allauth's own links, such
            # as "Forgot your password?") still know where the reader was.
            response.set_cookie(
                COOKIE,
                quote(path),
                max_age=COOKIE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    return middleware
