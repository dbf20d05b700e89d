"""Counting actions in a window, in the shared cache (so it holds across processes)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured


def parse_rate(rate: str) -> tuple[int, int]:
    """ "5/60" → at most 5 in 60 seconds."""
    try:
        count, seconds = (int(part) for part in rate.split("/"))
    except ValueError:
        raise ImproperlyConfigured(
            f"A rate looks like '5/60' (count/seconds), not {rate!r}"
        ) from None
    return count, seconds


def hit(scope: str, key: str, rate: str) -> bool:
    """Counts one action; False when the limit for the window is already reached."""
    limit, window = parse_rate(rate)
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"rate:{scope}:{digest}"
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window)
        count = 1
    return count <= limit
