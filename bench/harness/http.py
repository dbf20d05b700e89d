"""HTTP over loopback: JSON API calls, plain GETs, and a chunked-body decoder.

Requests never go through a proxy (traffic stays on 127.0.0.1), whatever the
caller's environment says.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

USER_AGENT = "dateline-bench"
TIMEOUT = 30.0


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a redirect is reported as the status it is


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
# wrk follows no redirects, so a page check must not either.
_AS_IS = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def request_json(
    method: str, url: str, payload: dict[str, Any] | None = None, token: str | None = None
) -> tuple[int, Any]:
    """The status and the decoded JSON body (or the start of a body that is not JSON)."""
    headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
    data = None
    if payload is not None:
        data = json.dumps(payload).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with _DIRECT.open(request, timeout=TIMEOUT) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    try:
        return status, json.loads(body or b"null")
    except ValueError:
        return status, body[:200].decode("utf-8", "replace")


def fetch(url: str) -> tuple[int, dict[str, str], int]:
    """GET url without following redirects: the status, the headers (lower-case names), the size."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _AS_IS.open(request, timeout=TIMEOUT) as response:
            body = response.read()
            status, headers = response.status, response.headers
    except urllib.error.HTTPError as exc:
        body = exc.read()
        status, headers = exc.code, exc.headers
    return status, {name.lower(): value for name, value in headers.items()}, len(body)


def answers(url: str, timeout: float = 5.0) -> bool:
    """Whether a server answers url with any status at all (an error page counts)."""
    try:
        with _AS_IS.open(url, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError:
        return True
    except OSError:  # URLError included: nobody listening yet
        return False
    return True


class Dechunker:
    """Incremental decoder of an HTTP/1.1 chunked body."""

    __slots__ = ("buffer", "done", "remaining")

    SIZE, DATA, CRLF = -1, 0, -2

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.remaining = self.SIZE  # > 0: bytes of chunk data still to come
        self.done = False

    def feed(self, data: bytes) -> bytes:
        buffer = self.buffer
        buffer += data
        out = bytearray()
        while buffer:
            if self.remaining > 0:
                take = min(self.remaining, len(buffer))
                out += buffer[:take]
                del buffer[:take]
                self.remaining -= take
                if self.remaining == 0:
                    self.remaining = self.CRLF
            elif self.remaining == self.CRLF:
                if len(buffer) < 2:
                    break
                del buffer[:2]
                self.remaining = self.SIZE
            else:
                end = buffer.find(b"\r\n")
                if end < 0:
                    break
                size = int(bytes(buffer[:end]).split(b";", 1)[0], 16)
                del buffer[: end + 2]
                if size == 0:
                    self.done = True
                    buffer.clear()
                    break
                self.remaining = size
        return bytes(out)
