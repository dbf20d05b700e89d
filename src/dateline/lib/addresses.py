"""Where a request comes from, for rate limits, lockouts and caps.

Behind a reverse proxy every request arrives from the proxy's address, so the
reader's own is read from `X-Forwarded-For`, but only as far as the proxies
the site trusts (DATELINE_TRUSTED_PROXIES, how many stand in front of it):
each appends the address it saw, so the Nth entry from the right is the one
the outermost trusted proxy saw. Entries further left are whatever the client
sent and are never believed. With no trusted proxy, or a header that does not
fit the configuration, the connection's own address is the answer.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def forwarded_client(peer: str, forwarded_for: str | None) -> str:
    """The client's address, from the connection's `peer` and X-Forwarded-For."""
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0 or not forwarded_for:
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",")]
    if len(hops) < proxies:
        return peer  # fewer hops than proxies: not the header our proxies write
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return peer


def client_ip(request) -> str:
    """The reader's address, for a Django request."""
    return forwarded_client(
        request.META.get("REMOTE_ADDR", ""), request.headers.get("X-Forwarded-For")
    )


def client_ip_of_scope(scope) -> str:
    """The reader's address, for an ASGI connection (the live stream)."""
    peer = (scope.get("client") or ("", 0))[0] or ""
    values = [
        value.decode("latin-1")
        for name, value in scope.get("headers", ())
        if name == b"x-forwarded-for"
    ]
    return forwarded_client(peer, ", ".join(values) or None)
