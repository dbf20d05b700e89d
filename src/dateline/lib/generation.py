"""The publication generation: a number that changes whenever what readers may
see changes, and what each process remembers until it does.

Every change readers could see ends in `notify.notify_readers_on_commit()`,
which bumps the generation in the shared cache once the change has committed.
What every page reads and only a publication changes (the site, the editions,
view restrictions, the newsroom's settings, sister brands) is then built once
per process and generation (`remember`) instead of queried on every request: a
value remembered under a generation was read after that generation began, so
it is never older than the last publication.

The generation is read from the shared cache once per request
(`ReadGenerationOnce`), not once per remembered value.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "page-cache:generation"

T = TypeVar("T")

_request_generation: ContextVar[int | None] = ContextVar("publication_generation", default=None)
_lock = threading.Lock()
_remembered: dict[str, object] = {}
_remembered_generation: int | None = None


def _cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def read(cache=None) -> int:
    """The generation in the shared cache (one cache read).

    A cache that lost it (restarted, flushed) starts from a number no earlier
    generation had, so nothing remembered before is taken for current.
    """
    return (cache or _cache()).get_or_set(GENERATION_KEY, _fresh_start, timeout=None)


def _fresh_start() -> int:
    return time.time_ns()


def current() -> int:
    """The generation this request started in, or the shared cache's outside a request."""
    generation = _request_generation.get()
    return read() if generation is None else generation


def bump() -> None:
    """Starts a new generation: every remembered value and cached page is stale."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_start(), timeout=None)


def forget() -> None:
    """Drops what this process remembers, at once (a change is under way here;
    other processes learn of it from the bump once it commits)."""
    global _remembered_generation
    with _lock:
        _remembered.clear()
        _remembered_generation = None


def remember(name: str, build: Callable[[], T]) -> T:
    """`build()`, built once per process and generation.

    The value is shared by every request of the process: build only what no
    request changes (plain lists of model instances read for display).
    """
    global _remembered_generation
    generation = current()
    with _lock:
        if _remembered_generation != generation:
            _remembered.clear()
            _remembered_generation = generation
        if name in _remembered:
            return _remembered[name]  # type: ignore[return-value]
    value = build()
    with _lock:
        if _remembered_generation == generation:
            _remembered[name] = value
    return value


class ReadGenerationOnce:
    """Reads the generation once at the start of each request, for everything
    the request remembers or caches."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set(read())
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)
