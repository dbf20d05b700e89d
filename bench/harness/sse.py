"""Server-Sent Events as a client sees them: the request and the messages.

The live stream sends `retry:` first, then messages of `id:`, `event:` and
`data:` lines, and `: heartbeat` comments, each ended by a blank line. These
helpers read that format and nothing more (no `\\r\\n` line ends).
"""

from __future__ import annotations

import socket
import time

from . import BenchError
from .http import USER_AGENT


def request(host: str, port: int, path: str) -> bytes:
    """The HTTP/1.1 request that opens a stream."""
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        "Accept: text/event-stream\r\nCache-Control: no-cache\r\n"
        f"User-Agent: {USER_AGENT}\r\n\r\n"
    ).encode()


class Splitter:
    """Cuts a stream's bytes into whole messages, keeping a partial one for the next feed."""

    __slots__ = ("buffer",)

    def __init__(self) -> None:
        self.buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        buffer = self.buffer
        buffer += data
        messages = []
        while (end := buffer.find(b"\n\n")) >= 0:
            messages.append(bytes(buffer[:end]))
            del buffer[: end + 2]
        return messages


def wait_for_retry(host: str, port: int, path: str, timeout: float = 10.0) -> None:
    """Opens a stream, waits for its `retry:` line and leaves: one reader that comes and goes."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(request(host, port, path))
        received = b""
        deadline = time.monotonic() + timeout
        while b"retry:" not in received and time.monotonic() < deadline:
            data = sock.recv(65536)
            if not data:
                break
            received += data
        if b"retry:" not in received:
            raise BenchError(f"the reader got no `retry:` line: {received[:300]!r}")
