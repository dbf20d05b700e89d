from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control


def private_pages_for_signed_in_users(get_response):
    """Keeps a signed-in reader's pages out of shared caches (the page cache, a CDN)."""

    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
        return response

    return middleware


def desk_in_the_staff_language(get_response):
    """The desk writes through the API with its signed-in session: what the
    actions answer it (refusals, errors) is in the person's admin language, as
    the admin's own screens are. Token callers (the app) get the site's default."""

    def middleware(request):
        if (
            not request.path.startswith("/api/")
            or "Authorization" in request.headers
            # Without a session there is no one to ask (and asking would make
            # every anonymous answer vary on cookies).
            or settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            return get_response(request)
        user = getattr(request, "user", None)
        profile = getattr(user, "wagtail_userprofile", None) if user else None
        language = profile.get_preferred_language() if profile else None
        if not language:
            return get_response(request)
        with translation.override(language):
            return get_response(request)

    return middleware
