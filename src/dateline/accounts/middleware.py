from __future__ import annotations

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
