"""Many SSE readers in one client process, each noting when it connected and when posts arrived.

A reader is an `asyncio.Protocol`, so that a message costs a callback, not a
task woken per reader: the clients share the server's cores, and what they
spend is taken from the server. A pool reports its counts to the parent over a
pipe every PROGRESS_EVERY seconds and takes two commands: "mark" (the posts
begin: note the CPU time) and "stop".
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import signal
import socket
import struct
import time
from array import array
from collections import Counter
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from . import sse
from .http import Dechunker
from .procstat import own_cpu_s, raise_nofile_limit
from .server import HOST

PROGRESS_EVERY = 0.5  # seconds between a client process's progress reports


@dataclass
class ClientPlan:
    """What one client process does: open `count` readers of `path` and record posts."""

    name: str
    port: int
    path: str
    count: int
    batch: int
    pause: float
    marker: bytes  # precedes the post's index in its body
    posts: int
    connect_timeout: float
    deadline: float  # time.time() at which the process stops by itself


class SSEReader(asyncio.Protocol):
    """One SSE reader: notes when it connected and when each post arrived."""

    def __init__(self, pool: ReaderPool, ready: asyncio.Future[None], loop) -> None:
        self.pool = pool
        self.ready = ready
        self.started = time.time()
        self.connected = False
        self.seen = 0
        self.head: bytearray | None = bytearray()  # None once the headers are read
        self.messages = sse.Splitter()
        self.dechunker: Dechunker | None = None
        self.transport: asyncio.Transport | None = None
        self.closed = loop.create_future()
        self.limit = loop.call_later(pool.plan.connect_timeout, self._too_slow)

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.pool.transports.add(transport)
        transport.write(self.pool.request)

    def data_received(self, data: bytes) -> None:
        now = time.time()
        if self.head is not None:
            self.head += data
            end = self.head.find(b"\r\n\r\n")
            if end < 0:
                return
            head, data = bytes(self.head[:end]), bytes(self.head[end + 4 :])
            self.head = None
            if not head.startswith(b"HTTP/1.1 200"):
                status = head.split(b"\r\n", 1)[0].decode("latin-1")
                self.finish(f"answered {status!r}")
                return
            if b"transfer-encoding: chunked" in head.lower():
                self.dechunker = Dechunker()
        pool = self.pool
        if self.dechunker is not None:
            data = self.dechunker.feed(data)
        # Raw prefixes rather than sse.Message.parse: this runs once per
        # (reader, post), on the cores the server is measured on.
        for message in self.messages.feed(data):
            if message.startswith(b":"):
                pool.heartbeats += 1
            elif message.startswith(b"retry:"):
                if not self.connected:
                    self._connected(now)
            elif (match := pool.post_re.search(message)) is not None:
                bit = 1 << int(match.group(1))
                if self.seen & bit:
                    pool.duplicates += 1
                elif bit <= pool.full:
                    self.seen |= bit
                    pool.arrivals[int(match.group(1))].append(now)
                    if self.seen == pool.full:
                        pool.complete += 1
            elif b"event: reset" in message:
                self.finish("event: reset")
                return
            else:
                pool.other_events += 1
        if self.dechunker is not None and self.dechunker.done:
            self.finish("the server ended the stream")

    def _connected(self, now: float) -> None:
        pool = self.pool
        self.connected = True
        pool.connected += 1
        pool.connect_ms.append((now - self.started) * 1000)
        if not self.ready.done():
            self.ready.set_result(None)
        # From here only the run's own deadline limits the reader.
        self.limit.cancel()
        self.limit = asyncio.get_running_loop().call_later(
            max(1.0, pool.plan.deadline - now), self._deadline
        )

    def eof_received(self) -> bool:
        self.finish(
            "the server ended the stream"
            if self.head is None
            else "connection closed before the response headers"
        )
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        if exc is not None:
            self.finish(f"{type(exc).__name__}: {exc}")
        else:
            self.finish("the server ended the stream")

    def _too_slow(self) -> None:
        self.finish("no `retry:` within the connect timeout")

    def _deadline(self) -> None:
        self.finish("deadline reached")

    def finish(self, reason: str) -> None:
        """Ends this reader once, counting it as failed or dropped."""
        if self.closed.done():
            return
        self.limit.cancel()
        self.pool.lost(self.connected, reason)
        if self.transport is not None:
            self.pool.transports.discard(self.transport)
            self.transport.abort()
        if not self.ready.done():
            self.ready.set_result(None)
        self.closed.set_result(None)


class ReaderPool:
    """The readers of one client process, and what they saw."""

    def __init__(self, plan: ClientPlan, conn: Connection) -> None:
        self.plan = plan
        self.conn = conn
        self.request = sse.request(HOST, plan.port, plan.path)
        self.post_re = re.compile(re.escape(plan.marker) + rb"(\d+)")
        self.full = (1 << plan.posts) - 1
        self.opened = self.connected = self.failed = self.dropped = self.complete = 0
        self.ramp_done = False
        self.stopping = False
        self.failures: Counter[str] = Counter()
        self.drops: Counter[str] = Counter()
        self.arrivals = [array("d") for _ in range(plan.posts)]
        self.connect_ms = array("d")
        self.heartbeats = self.duplicates = self.other_events = 0
        self.transports: set[asyncio.Transport] = set()
        self.tasks: list[asyncio.Task[None]] = []
        self.command = asyncio.Event()
        self.mark_cpu: float | None = None  # CPU seconds used when the posts began

    async def read_stream(self, ready: asyncio.Future[None]) -> None:
        loop = asyncio.get_running_loop()
        reader = SSEReader(self, ready, loop)
        try:
            await loop.create_connection(lambda: reader, HOST, self.plan.port)
        except OSError as exc:
            reader.finish(f"{type(exc).__name__}: {exc}")
            return
        await reader.closed

    def lost(self, connected: bool, reason: str) -> None:
        """Counts a reader that ended: dropped once connected, failed before."""
        if self.stopping:
            return
        if connected:
            self.dropped += 1
            self.drops[reason] += 1
        else:
            self.failed += 1
            self.failures[reason] += 1

    async def ramp(self) -> None:
        loop = asyncio.get_running_loop()
        plan = self.plan
        for start in range(0, plan.count, plan.batch):
            ready = [loop.create_future() for _ in range(min(plan.batch, plan.count - start))]
            self.tasks += [asyncio.create_task(self.read_stream(future)) for future in ready]
            self.opened += len(ready)
            await asyncio.wait(ready, timeout=plan.connect_timeout + 1)
            await asyncio.sleep(plan.pause)
        self.ramp_done = True

    def snapshot(self) -> dict[str, Any]:
        return {
            "opened": self.opened,
            "connected": self.connected,
            "failed": self.failed,
            "dropped": self.dropped,
            "complete": self.complete,
            "ramp_done": self.ramp_done,
            "received": [len(times) for times in self.arrivals],
        }

    async def run(self) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        loop.add_reader(self.conn.fileno(), self.command.set)
        ramp = asyncio.create_task(self.ramp())
        try:
            while time.time() < self.plan.deadline:
                self.conn.send(("progress", self.snapshot()))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.command.wait(), PROGRESS_EVERY)
                if self.command.is_set():
                    self.command.clear()
                    commands = []
                    while self.conn.poll():
                        commands.append(self.conn.recv())
                    if "mark" in commands:
                        self.mark_cpu = own_cpu_s()
                    if "stop" in commands:
                        break
        finally:
            loop.remove_reader(self.conn.fileno())
            self.stopping = True
            ramp.cancel()
            self._reset_all()
            for task in self.tasks:
                task.cancel()
            if self.tasks:
                await asyncio.wait(self.tasks, timeout=10)
        cpu = own_cpu_s()
        return {
            **self.snapshot(),
            "failures": dict(self.failures),
            "drops": dict(self.drops),
            "arrivals": [times.tobytes() for times in self.arrivals],
            "connect_ms": self.connect_ms.tobytes(),
            "heartbeats": self.heartbeats,
            "duplicates": self.duplicates,
            "other_events": self.other_events,
            "cpu_s": cpu,
            "cpu_publish_s": cpu - self.mark_cpu if self.mark_cpu is not None else None,
        }

    def _reset_all(self) -> None:
        # Reset rather than close, so that no TIME_WAIT is left behind.
        for transport in list(self.transports):
            with contextlib.suppress(OSError):
                sock = transport.get_extra_info("socket")
                if sock is not None:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            transport.abort()


def client_main(conn: Connection, plan: ClientPlan) -> None:
    """Entry point of a client process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    raise_nofile_limit()
    try:
        result: dict[str, Any] = asyncio.run(ReaderPool(plan, conn).run())
    except Exception as exc:
        result = {"error": f"{type(exc).__name__}: {exc}"}
    with contextlib.suppress(OSError):
        conn.send(("result", result))
    conn.close()
