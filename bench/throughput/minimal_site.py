"""The yardstick for cached pages: a minimal Django site whose one view is
cached by Django's own per-site cache middleware (local memory), served by the
same granian the way Dateline is. What Django itself costs per cached hit.

    granian --interface asgi bench.throughput.minimal_site:application
"""

from __future__ import annotations

import os

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-only",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[
            "django.middleware.cache.UpdateCacheMiddleware",
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.cache.FetchFromCacheMiddleware",
        ],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        CACHE_MIDDLEWARE_SECONDS=60,
        USE_TZ=True,
    )

from django.core.asgi import get_asgi_application
from django.http import HttpResponse
from django.urls import path

# About the size of a Dateline article.
PAGE = (
    b"<!doctype html><title>Bench</title>"
    + b"<p>"
    + b"x" * int(os.environ.get("BENCH_PAGE_BYTES", "14000"))
    + b"</p>"
)


def page(request):
    return HttpResponse(PAGE)


urlpatterns = [path("page/", page)]
application = get_asgi_application()
