"""Notifications that a live blog has new events: hints, never the data.

After a transaction that appended events commits, `notify_on_commit` publishes
the blog's newest sequence number. Each server process subscribes once per
blog it serves (`live.fanout`) and reads the events themselves from the
database, so a lost notification costs latency, never an update.

Two brokers: in-process (the embedded default: one server process) and Redis
pub/sub (production: any number of processes and machines).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)

Listener = Callable[[int], None]


class InProcessBroker:
    """Delivers notifications to listeners in this process, on their event loops."""

    def __init__(self) -> None:
        self._listeners: dict[int, set[tuple[asyncio.AbstractEventLoop, Listener]]] = {}
        self._lock = threading.Lock()

    def publish(self, blog_id: int, seq: int) -> None:
        with self._lock:
            listeners = list(self._listeners.get(blog_id, ()))
        for loop, listener in listeners:
            try:
                loop.call_soon_threadsafe(listener, seq)
            except RuntimeError:  # the loop has closed
                self.unsubscribe(blog_id, loop, listener)

    async def subscribe(self, blog_id: int, listener: Listener) -> None:
        with self._lock:
            self._listeners.setdefault(blog_id, set()).add((asyncio.get_running_loop(), listener))

    def unsubscribe(self, blog_id: int, loop, listener: Listener) -> None:
        with self._lock:
            self._listeners.get(blog_id, set()).discard((loop, listener))

    async def unsubscribe_async(self, blog_id: int, listener: Listener) -> None:
        self.unsubscribe(blog_id, asyncio.get_running_loop(), listener)


class RedisBroker:
    """Redis pub/sub: one channel per blog; one connection per process for listening."""

    def __init__(self, url: str, prefix: str) -> None:
        self.url = url
        self.prefix = prefix
        self._publisher = None
        self._pubsub = None
        self._reader: asyncio.Task | None = None
        self._listeners: dict[str, set[Listener]] = {}

    def channel(self, blog_id: int) -> str:
        return f"{self.prefix}:live:{blog_id}"

    def publish(self, blog_id: int, seq: int) -> None:
        import redis

        if self._publisher is None:
            self._publisher = redis.Redis.from_url(self.url)
        try:
            self._publisher.publish(self.channel(blog_id), seq)
        except redis.RedisError:
            # The event is committed; readers get it at the next heartbeat poll.
            log.warning("could not publish live notification for blog %s", blog_id, exc_info=True)

    async def subscribe(self, blog_id: int, listener: Listener) -> None:
        import redis.asyncio as aioredis

        if self._pubsub is None:
            self._pubsub = aioredis.Redis.from_url(self.url).pubsub()
        channel = self.channel(blog_id)
        first = channel not in self._listeners
        self._listeners.setdefault(channel, set()).add(listener)
        if first:
            await self._pubsub.subscribe(channel)
        if self._reader is None or self._reader.done():
            self._reader = asyncio.create_task(self._read())

    async def unsubscribe_async(self, blog_id: int, listener: Listener) -> None:
        channel = self.channel(blog_id)
        listeners = self._listeners.get(channel, set())
        listeners.discard(listener)
        if not listeners and self._pubsub is not None:
            self._listeners.pop(channel, None)
            await self._pubsub.unsubscribe(channel)

    async def _read(self) -> None:
        while True:
            try:
                message = await self._pubsub.get_message(
                    ignore_subscribe_messages=True, timeout=1.0
                )
            except Exception:
                # Redis went away: the heartbeat polls cover the gap; retry soon.
                log.warning("live notifications from Redis interrupted", exc_info=True)
                await asyncio.sleep(1)
                continue
            if not message or message.get("type") != "message":
                if not self._listeners:
                    return
                continue
            channel = message["channel"].decode()
            try:
                seq = int(message["data"])
            except (TypeError, ValueError):
                continue
            for listener in list(self._listeners.get(channel, ())):
                listener(seq)


_broker = None
_broker_lock = threading.Lock()


def get_broker():
    global _broker
    with _broker_lock:
        if _broker is None:
            if settings.REDIS_URL:
                _broker = RedisBroker(settings.REDIS_URL, settings.LIVE_CHANNEL_PREFIX)
            else:
                _broker = InProcessBroker()
        return _broker


def reset_broker() -> None:
    """Forgets the broker (tests switch between backends)."""
    global _broker
    with _broker_lock:
        _broker = None


def notify_on_commit(blog_id: int, seq: int) -> None:
    """Publishes the hint once the surrounding transaction has committed.

    By convention only `live.actions` calls this, right after appending events.
    """
    transaction.on_commit(lambda: get_broker().publish(blog_id, seq))
