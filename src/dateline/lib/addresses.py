"""Where a request comes from, for rate limits and lockouts."""

from __future__ import annotations


def client_ip(request) -> str:
    """The address of the reader's machine as this server sees it."""
    return request.META.get("REMOTE_ADDR", "")
