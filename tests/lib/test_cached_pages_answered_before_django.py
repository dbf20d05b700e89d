"""With the page cache on, a cached page is answered at the ASGI layer, before
Django's synchronous stack (no thread, no middleware), under the same rules as
Django's cache middleware: the generation in the key, `Vary`, no session.

Whether a request entered Django is read from Django's `request_started` signal,
which every request Django handles sends.
"""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import async_to_sync
from django.core.handlers.asgi import ASGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from dateline.asgi import application
from dateline.lib import page_cache


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # As Django's test client does: a request's end must not close the
    # connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def page_cache_on(settings, monkeypatch):
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    settings.MIDDLEWARE = [
        "dateline.lib.page_cache.UpdatePageCache",
        *settings.MIDDLEWARE,
        "dateline.lib.page_cache.FetchFromPageCache",
    ]
    # Django's handler loads its middleware when it is made, as the server's does.
    monkeypatch.setattr("dateline.asgi.django_application", ASGIHandler())


@pytest.fixture
def django_requests():
    started = []

    def count(sender, **kwargs):
        started.append(sender)

    request_started.connect(count)
    yield started
    request_started.disconnect(count)


def get(path: str, *headers: tuple[bytes, bytes], method: str = "GET") -> tuple[int, dict, bytes]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"localhost"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("localhost", 80),
    }
    sent = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if requests:
            return requests.pop()
        await asyncio.Event().wait()  # the reader stays until the answer is sent

    async def send(message):
        sent.append(message)

    async_to_sync(application)(scope, receive, send)
    start = sent[0]
    body = b"".join(message.get("body", b"") for message in sent[1:])
    headers = {name.lower(): value for name, value in start["headers"]}
    return start["status"], headers, body


def test_cached_page_is_answered_without_entering_django(newsroom, page_cache_on, django_requests):
    get("/cl/")
    entered = len(django_requests)
    get("/cl/")
    assert len(django_requests) == entered


def test_cached_page_is_the_page_django_answered(newsroom, page_cache_on):
    first = get("/cl/")
    assert get("/cl/")[2] == first[2]


def test_cached_page_says_how_old_it_is(newsroom, page_cache_on):
    get("/cl/")
    assert get("/cl/")[1][b"age"] == b"0"


def test_cached_page_carries_the_headers_every_page_gets(newsroom, page_cache_on):
    get("/cl/")
    headers = get("/cl/")[1]
    assert b"content-security-policy" in headers


def test_head_request_gets_the_cached_headers_without_the_body(newsroom, page_cache_on):
    get("/cl/")
    assert get("/cl/", method="HEAD")[2] == b""


def test_reader_with_a_session_reaches_django(newsroom, page_cache_on, django_requests):
    get("/cl/")
    entered = len(django_requests)
    get("/cl/", (b"cookie", b"sessionid=abc"))
    assert len(django_requests) == entered + 1


def test_a_publication_makes_the_cached_page_stale_before_django(
    newsroom, page_cache_on, django_requests
):
    get("/cl/")
    page_cache.invalidate()  # what notify_readers_on_commit does after a commit
    entered = len(django_requests)
    get("/cl/")
    assert len(django_requests) == entered + 1


def test_a_header_the_page_varies_on_keeps_readers_apart(newsroom, page_cache_on, django_requests):
    headers = get("/cl/")[1]
    assert b"Cookie" in headers[b"vary"]  # what the page says it varies on
    entered = len(django_requests)
    get("/cl/", (b"cookie", b"theme=dark"))
    assert len(django_requests) == entered + 1
