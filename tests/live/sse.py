"""A reader of the SSE stream, talking ASGI to the stream handler directly.

It reads the bytes with the benchmarks' SSE parser, so that the tests and the
benchmarks agree on what a message is.
"""

from __future__ import annotations

import asyncio
import itertools
import json

from bench.harness.sse import Message, Splitter
from dateline.live.delivery import event_id as qualified
from dateline.live.models import LiveState
from dateline.live.stream import stream

# Unless a test names a reader's address, each reader comes from one of its own,
# so the cap on streams per address plays no part.
_addresses = (f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in itertools.count(1))


def event_id(blog, seq: int) -> str:
    """The id the stream gives the blog's event `seq`, which a reconnecting client
    sends back. It reads the database: call it outside the event loop."""
    return qualified(LiveState.objects.get(blog=blog).epoch, seq)


class StreamReader:
    def __init__(
        self,
        blog_id: int,
        last_event_id=None,
        after=None,
        stall=False,
        delay=0.0,
        address: str | None = None,
        headers: tuple[tuple[bytes, bytes], ...] = (),
    ):
        headers = [*headers]
        if last_event_id is not None:
            headers.append((b"last-event-id", str(last_event_id).encode()))
        query = f"after={after}".encode() if after is not None else b""
        self.scope = {
            "type": "http",
            "method": "GET",
            "headers": headers,
            "query_string": query,
            "client": (address or next(_addresses), 50000),
        }
        self.blog_id = blog_id
        self.status = None
        self.headers: dict[bytes, bytes] = {}
        self.body = b""
        self.messages = Splitter()
        self.events: list[dict] = []
        self.comments = 0
        self.ended = asyncio.Event()
        self.arrived = asyncio.Event()
        self._disconnect = asyncio.Event()
        # A stalled client takes the response head and the retry line, then no more.
        self.stall = asyncio.Event() if stall else None
        self.sends = 0
        # A slow client: every write after the first takes `delay` seconds.
        self.delay = delay
        self.task = None

    async def _receive(self):
        await self._disconnect.wait()
        return {"type": "http.disconnect"}

    async def _send(self, message):
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.headers = dict(message.get("headers", ()))
            return
        self.sends += 1
        self.body += message.get("body", b"")
        if self.stall is not None and self.sends > 1:
            await self.stall.wait()  # the write never completes
        if self.delay and self.sends > 1:
            await asyncio.sleep(self.delay)
        for block in self.messages.feed(message.get("body", b"")):
            self._take(Message.parse(block))
        if not message.get("more_body", False):
            self.ended.set()

    def _take(self, message: Message) -> None:
        self.comments += message.comments
        if message.event is not None:
            data = json.loads(message.data or "{}")
            self.events.append({"id": message.id, "event": message.event, "data": data})
            self.arrived.set()

    def start(self) -> StreamReader:
        self.task = asyncio.create_task(stream(self.scope, self._receive, self._send, self.blog_id))
        return self

    async def wait_for(self, count: int, timeout: float = 10) -> list[dict]:
        async def enough():
            while len(self.events) < count and not self.ended.is_set():
                self.arrived.clear()
                await self.arrived.wait()

        await asyncio.wait_for(enough(), timeout)
        return self.events

    @staticmethod
    async def wait_for_readers(count: int, timeout: float = 5) -> None:
        """Until this process's hub holds `count` readers."""
        from dateline.live.fanout import get_hub

        async def joined():
            while get_hub().reader_count() < count:
                await asyncio.sleep(0.01)

        await asyncio.wait_for(joined(), timeout)

    async def close(self, unstall: bool = True):
        """The client goes; a stalled one's last write is released unless `unstall` is False."""
        self._disconnect.set()
        if self.stall is not None and unstall:
            self.stall.set()
        await asyncio.wait_for(self.task, 5)

    @property
    def seqs(self) -> list[int]:
        """The sequence numbers of the events received (their ids are `<epoch>-<seq>`)."""
        return [int(e["id"].rsplit("-", 1)[1]) for e in self.events if e["id"]]
