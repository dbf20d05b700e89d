"""Counting actions in a window, in the shared cache (so it holds across processes)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def hit(scope: str, key: str, rate: tuple[int, int]) -> bool:
    """Counts one action; False when `rate` (count, seconds) is already reached."""
    limit, window = rate
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"rate:{scope}:{digest}"
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window)
        count = 1
    return count <= limit
