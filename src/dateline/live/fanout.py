"""Fan-out in one server process: one subscription per live blog, many readers.

A `Channel` holds every local reader of one blog. On a broker notification,
or at each heartbeat when nothing arrived, it reads the new events from the
database once, serialises each once, and offers the same bytes to every reader.
A reader whose queue is full (a slow or stalled client) is dropped rather than
allowed to hold up the others; it comes back with Last-Event-ID.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections import deque

from django.conf import settings

from . import db, delivery
from .broker import get_broker

log = logging.getLogger(__name__)


# A batch: (first seq, last seq, its bytes, [(seq, bytes), ...]).
# Sequence 0 marks a heartbeat.
HEARTBEAT_BATCH = (0, 0, delivery.HEARTBEAT, ())


class Reader:
    """One connected reader: the fan-out writes each batch straight to its response.

    A write that completes at once (the usual case: the server takes the bytes
    into its own buffer) costs one call, with no task woken per reader. A write
    that must wait (the client is slow to read) is finished by a task of its
    own, and until it is done the reader's next batches wait in its backlog; a
    reader whose backlog outgrows LIVE_QUEUE_MAX is dropped (it comes back with
    Last-Event-ID) rather than holding anything up. While the stream replays
    what the reader missed, batches wait in the backlog too, so nothing arrives
    out of order or twice.
    """

    __slots__ = ("backlog", "dropped", "ended", "last_seq", "send", "waiting_write", "writing")

    def __init__(self, send, last_seq: int) -> None:
        self.send = send
        self.last_seq = last_seq
        self.backlog: deque = deque()
        self.writing = True  # the stream writes the replay first
        self.dropped = False
        self.waiting_write: asyncio.Task | None = None  # a write the client is slow to take
        # Resolved when the reader is dropped; the stream then closes the response.
        self.ended: asyncio.Future = asyncio.get_running_loop().create_future()

    def offer(self, batch: tuple) -> bool:
        if self.dropped:
            return False
        if self.writing:
            if len(self.backlog) >= settings.LIVE_QUEUE_MAX:
                self.drop()
                return False
            self.backlog.append(batch)
            return True
        body = self.unsent(batch)
        if body:
            try:
                step = self.send(
                    {"type": "http.response.body", "body": body, "more_body": True}
                ).__await__()
                waiting_on = next(step)
            except StopIteration:
                return True  # written
            except Exception:
                self.drop()  # the client went away mid-write
                return False
            self.writing = True
            self.waiting_write = asyncio.get_running_loop().create_task(
                self._finish_write(step, waiting_on)
            )
        return True

    def unsent(self, batch: tuple) -> bytes:
        """The part of a batch this reader has not had yet (replay may have sent some)."""
        first, last, body, events = batch
        if last:
            if last <= self.last_seq:
                return b""
            if first <= self.last_seq:
                body = b"".join(m for seq, m in events if seq > self.last_seq)
            self.last_seq = last
        return body

    async def write_backlog(self) -> None:
        """Writes what waited, then lets the fan-out write directly again."""
        while self.backlog and not self.dropped:
            body = self.unsent(self.backlog.popleft())
            if body:
                await self.send({"type": "http.response.body", "body": body, "more_body": True})
        self.writing = False

    async def _finish_write(self, step, waiting_on) -> None:
        try:
            await _Resume(step, waiting_on)
            await self.write_backlog()
        except Exception:
            self.drop()
        finally:
            self.waiting_write = None

    def close(self) -> None:
        """The response is over: drop the reader and abandon a write still waiting."""
        self.drop()
        if self.waiting_write is not None:
            self.waiting_write.cancel()

    def drop(self) -> None:
        self.dropped = True
        self.backlog.clear()
        if not self.ended.done():
            self.ended.set_result(None)


class _Resume:
    """Awaits the rest of an awaitable that was started by hand and had to wait."""

    __slots__ = ("step", "waiting_on")

    def __init__(self, step, waiting_on) -> None:
        self.step = step
        self.waiting_on = waiting_on

    def __await__(self):
        yield self.waiting_on
        return (yield from self.step)


class Channel:
    def __init__(self, hub: Hub, blog_id: int) -> None:
        self.hub = hub
        self.blog_id = blog_id
        self.readers: set[Reader] = set()
        self.epoch = ""
        self.last_seq = 0
        # Whether readers may see the blog, as of when it was last read (monotonic).
        self.visible = False
        self.checked_at = float("-inf")
        self.wakeup = asyncio.Event()
        self.task: asyncio.Task | None = None

    def notify(self, seq: int) -> None:
        if seq > self.last_seq:
            self.wakeup.set()

    def known_position(self) -> tuple[str, int] | None:
        """Where the blog stands (its epoch and last sequence number), when this
        channel read it lately and it was visible.

        A reader who joins then needs no database read of its own (a reconnect
        of thousands of readers at once costs only their connections).
        """
        fresh = time.monotonic() - self.checked_at < 2 * settings.LIVE_HEARTBEAT_SECONDS
        return (self.epoch, self.last_seq) if fresh and self.visible and self.task else None

    async def start(self) -> None:
        self.visible, self.epoch, self.last_seq = await db.read(
            delivery.visibility_and_position, self.blog_id
        )
        self.checked_at = time.monotonic()
        await get_broker().subscribe(self.blog_id, self.notify)
        self.task = asyncio.create_task(self.run())

    async def run(self) -> None:
        heartbeat = settings.LIVE_HEARTBEAT_SECONDS
        try:
            while True:
                if not self.readers:
                    # Joining takes the hub's lock too, so no reader joins a
                    # channel that is about to end.
                    async with self.hub.lock:
                        if not self.readers:
                            self.hub.channels.pop(self.blog_id, None)
                            return
                try:
                    await asyncio.wait_for(self.wakeup.wait(), timeout=heartbeat)
                    notified = True
                except TimeoutError:
                    notified = False
                self.wakeup.clear()
                delivered = await self.deliver()
                if not notified and not delivered:
                    self.broadcast(HEARTBEAT_BATCH)
        except Exception:
            log.exception("live channel for blog %s failed; readers will reconnect", self.blog_id)
            self.hub.channels.pop(self.blog_id, None)
            for reader in list(self.readers):
                reader.drop()
        finally:
            await get_broker().unsubscribe_async(self.blog_id, self.notify)

    async def deliver(self) -> int:
        """Reads events past `last_seq` and offers them to every reader as one batch.

        One queue item per delivery, however many events it carries: a burst
        of events costs each reader one write and one queue slot.
        """
        self.visible, epoch, newest, events = await db.read(self._read)
        self.checked_at = time.monotonic()
        if not self.visible:
            # Unpublished, made private or embargoed: its readers go, and on
            # reconnecting they are told it is not there.
            self.drop_readers()
            return 0
        if epoch != self.epoch:
            # The blog's sequence restarted (a database restored from a backup):
            # its readers' ids name the old epoch, so on reconnecting they reset.
            self.drop_readers()
            self.epoch, self.last_seq = epoch, newest
            return 0
        if events:
            self.broadcast((events[0][0], events[-1][0], b"".join(m for _, m in events), events))
            self.last_seq = events[-1][0]
        return len(events)

    def _read(self) -> tuple[bool, str, int, list[tuple[int, bytes]]]:
        visible, epoch, newest = delivery.visibility_and_position(self.blog_id)
        if not visible or epoch != self.epoch:
            return visible, epoch, newest, []
        events = delivery.events_after(self.blog_id, self.last_seq)
        return True, epoch, newest, [(e.seq, delivery.sse_message(e, epoch)) for e in events]

    def drop_readers(self) -> None:
        for reader in list(self.readers):
            reader.drop()
        self.readers.clear()

    def broadcast(self, batch: tuple) -> None:
        # Collecting garbage in the middle of a fan-out stalls every reader at once.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            for reader in list(self.readers):
                if not reader.offer(batch):
                    self.readers.discard(reader)
        finally:
            if gc_was_enabled:
                gc.enable()


class Hub:
    """Every live channel of this process, and the streams each address holds open."""

    def __init__(self) -> None:
        self.channels: dict[int, Channel] = {}
        self.lock = asyncio.Lock()
        self.streams_by_address: dict[str, int] = {}

    def admit(self, address: str) -> bool:
        """Counts one more stream from `address`, unless it already holds
        LIVE_MAX_STREAMS_PER_IP of them. Every admitted stream is `release`d."""
        held = self.streams_by_address.get(address, 0)
        cap = settings.LIVE_MAX_STREAMS_PER_IP
        if cap and held >= cap:
            return False
        self.streams_by_address[address] = held + 1
        return True

    def release(self, address: str) -> None:
        held = self.streams_by_address.pop(address, 0) - 1
        if held > 0:
            self.streams_by_address[address] = held

    async def join(self, blog_id: int, reader: Reader) -> Channel:
        async with self.lock:
            channel = self.channels.get(blog_id)
            if channel is None:
                channel = Channel(self, blog_id)
                channel.readers.add(reader)
                self.channels[blog_id] = channel
                await channel.start()
            else:
                channel.readers.add(reader)
        return channel

    def leave(self, blog_id: int, reader: Reader) -> None:
        channel = self.channels.get(blog_id)
        if channel is not None:
            channel.readers.discard(reader)
            if not channel.readers:
                channel.wakeup.set()  # lets the task notice and end

    def reader_count(self) -> int:
        return sum(len(c.readers) for c in self.channels.values())


_hubs: dict[int, Hub] = {}


def get_hub() -> Hub:
    """The hub of the running event loop (one per server process in production)."""
    loop = asyncio.get_running_loop()
    hub = _hubs.get(id(loop))
    if hub is None:
        hub = _hubs[id(loop)] = Hub()
    return hub
