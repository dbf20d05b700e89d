"""Server-Sent Events as a client sees them: the request, the messages, their fields.

The live stream sends `retry:` first, then messages of `id:`, `event:` and
`data:` lines, and `: heartbeat` comments, each ended by a blank line. These
helpers read that format and nothing more (no `\\r\\n` line ends).
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass

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


@dataclass
class Message:
    """One message's fields; a field the message did not have is None."""

    id: str | None = None
    event: str | None = None
    data: str | None = None
    retry: str | None = None
    comments: int = 0  # lines that start with a colon, such as heartbeats

    @classmethod
    def parse(cls, message: bytes) -> Message:
        parsed = cls()
        data: list[str] = []
        for line in message.decode().split("\n"):
            if line.startswith(":"):
                parsed.comments += 1
                continue
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "data":
                data.append(value)
            elif name in ("id", "event", "retry"):
                setattr(parsed, name, value)
        if data:
            parsed.data = "\n".join(data)
        return parsed


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
