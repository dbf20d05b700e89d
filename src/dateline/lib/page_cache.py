"""The page cache: whole reader pages kept in the shared cache for a few seconds.

Django's cache middleware, with one change: every key carries the publication
generation (`lib.generation`), and publishing anything bumps it, so a reader
never gets a cached page older than the last publication (the TTL only bounds
how long an unchanged page is reused). The generation is read once per request,
so a page rendered before a publication is never stored under the new one.

Pages are stored by `UpdatePageCache`, the outermost middleware, so what is
stored is the response as it left Django, every header included. A hit is
answered before Django (`answer_from_cache`, called by `dateline.asgi`): no
thread, no middleware. Django's own fetch step (`FetchFromPageCache`) stays
for servers that call Django directly (WSGI, the test client).
"""

from __future__ import annotations

import copy
from io import BytesIO

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.handlers.asgi import ASGIRequest
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

from . import generation


def current_prefix() -> str:
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}.{generation.current()}"


def invalidate() -> None:
    """Makes every cached page stale (`notify.notify_readers_on_commit` calls it)."""
    generation.bump()


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
        if response.status_code != 200:
            # Django would also keep a 304, which answers one reader's
            # conditional request and no one else's.
            return response
        return UpdateCacheMiddleware.process_response(
            _with_request_prefix(self, request), request, response
        )


_loop_connection: dict[str, tuple[dict, object]] = {}


class _FetchBeforeDjango(FetchFromCacheMiddleware):
    """Django's fetch step, on a cache connection of the event loop's own.

    Django keeps a cache connection per request context; on the event loop that
    would mean a new one (a new Redis connection) for every request.
    """

    @property
    def cache(self):
        configuration = settings.CACHES[self.cache_alias]
        held = _loop_connection.get(self.cache_alias)
        if held is None or held[0] is not configuration:
            held = _loop_connection[self.cache_alias] = (
                configuration,
                caches.create_connection(self.cache_alias),
            )
        return held[1]

    def process_request(self, request):
        scoped = copy.copy(self)
        scoped.key_prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}.{generation.read(self.cache)}"
        return FetchFromCacheMiddleware.process_request(scoped, request)


_fetch = _FetchBeforeDjango(lambda request: None)
_NO_BODY = BytesIO(b"")
# Requests the cache leaves to Django: those of a reader with a session, and
# conditional ones (Django's conditional GET answers those).
_LEFT_TO_DJANGO = {b"if-none-match", b"if-modified-since"}


def _cached_response(scope):
    if scope["method"] not in ("GET", "HEAD"):
        return None
    if any(name in _LEFT_TO_DJANGO for name, _ in scope.get("headers", ())):
        return None
    request = ASGIRequest(scope, _NO_BODY)
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return None  # Django redirects it to HTTPS
    try:
        return _fetch.process_request(request)
    except DisallowedHost:
        return None  # Django answers it with 400


async def answer_from_cache(scope, send) -> bool:
    """Answers a reader's request from the page cache, before Django, if the page
    is there under the current generation; says whether it did.

    The same rules as Django's cache middleware decide (method, `Vary`, the
    generation in the key); a reader with a session cookie always reaches Django.
    """
    if not settings.CACHE_MIDDLEWARE_SECONDS:
        return False
    response = _cached_response(scope)
    if response is None:
        return False
    headers = [
        (name.encode("latin-1"), value.encode("latin-1")) for name, value in response.items()
    ]
    headers += [
        (b"set-cookie", cookie.output(header="").strip().encode("latin-1"))
        for cookie in response.cookies.values()
    ]
    await send({"type": "http.response.start", "status": response.status_code, "headers": headers})
    body = b"" if scope["method"] == "HEAD" else response.content
    await send({"type": "http.response.body", "body": body})
    return True
