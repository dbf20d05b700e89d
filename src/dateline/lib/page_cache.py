"""The page cache: whole reader pages kept in the shared cache for a few seconds.

Django's cache middleware, with one change: every key carries a generation
number, and publishing anything bumps it, so a reader never gets a cached page
older than the last publication (the TTL only bounds how long an unchanged
page is reused). The generation is read once per request and kept on it, so a
page rendered before a publication is never stored under the new generation.
"""

from __future__ import annotations

import copy

from django.conf import settings
from django.core.cache import caches
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

GENERATION_KEY = "page-cache:generation"


def _cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def current_prefix() -> str:
    generation = _cache().get_or_set(GENERATION_KEY, 1, timeout=None)
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}.{generation}"


def invalidate() -> None:
    """Makes every cached page stale (`notify.notify_readers_on_commit` calls it)."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _with_request_prefix(middleware, request):
    if not hasattr(request, "page_cache_prefix"):
        request.page_cache_prefix = current_prefix()
    scoped = copy.copy(middleware)
    scoped.key_prefix = request.page_cache_prefix
    return scoped


class FetchFromPageCache(FetchFromCacheMiddleware):
    def process_request(self, request):
        return FetchFromCacheMiddleware.process_request(
            _with_request_prefix(self, request), request
        )


class UpdatePageCache(UpdateCacheMiddleware):
    def process_response(self, request, response):
        if not hasattr(request, "page_cache_prefix"):
            return response  # the request never reached the fetch step
        return UpdateCacheMiddleware.process_response(
            _with_request_prefix(self, request), request, response
        )
