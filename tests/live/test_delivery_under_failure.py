"""A lost notification costs latency, never an update; a stalled reader holds up no one."""

from __future__ import annotations

import asyncio
import time

import pytest
from asgiref.sync import sync_to_async

from dateline.live import actions
from dateline.live.fanout import get_hub

from .sse import StreamReader

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_lost_notification_is_made_up_by_the_heartbeat(blog, reporter, settings, monkeypatch):
    settings.LIVE_HEARTBEAT_SECONDS = 1
    dropped = []
    monkeypatch.setattr(actions, "notify_on_commit", lambda blog_id, seq: dropped.append(seq))

    async def scenario():
        reader = StreamReader(blog.pk, after=0).start()
        await StreamReader.wait_for_readers(1)
        started = time.monotonic()
        await sync_to_async(actions.check_publish_post, thread_sensitive=False)(
            blog, reporter, "Nobody was told about this post."
        )
        await reader.wait_for(1, timeout=5)
        elapsed = time.monotonic() - started
        await reader.close()
        return reader, elapsed

    reader, elapsed = asyncio.run(scenario())
    assert dropped == [1]  # the notification really was lost
    assert reader.seqs == [1]
    assert elapsed <= settings.LIVE_HEARTBEAT_SECONDS + 1


def test_idle_stream_gets_heartbeats(blog, settings):
    settings.LIVE_HEARTBEAT_SECONDS = 0.2

    async def scenario():
        reader = StreamReader(blog.pk, after=0).start()
        await asyncio.sleep(1)
        await reader.close()
        return reader

    assert asyncio.run(scenario()).comments >= 2


def test_stalled_reader_is_dropped_without_delaying_the_others(blog, reporter, settings):
    settings.LIVE_QUEUE_MAX = 3

    async def scenario():
        stalled = StreamReader(blog.pk, after=0, stall=True).start()
        healthy = StreamReader(blog.pk, after=0).start()
        await StreamReader.wait_for_readers(2)
        for n in range(8):
            # One at a time, so each post is its own delivery and queue item.
            await sync_to_async(actions.check_publish_post, thread_sensitive=False)(
                blog, reporter, f"Post {n}."
            )
            await healthy.wait_for(n + 1)
        still_connected = get_hub().reader_count()
        await healthy.close()
        await stalled.close()
        return healthy, still_connected

    healthy, still_connected = asyncio.run(scenario())
    assert healthy.seqs == list(range(1, 9))
    assert still_connected == 1  # the stalled reader was dropped


def test_slow_reader_gets_every_update_in_order_once_without_delaying_the_others(
    blog, reporter, settings
):
    settings.LIVE_QUEUE_MAX = 20

    async def scenario():
        slow = StreamReader(blog.pk, after=0, delay=0.5).start()
        healthy = StreamReader(blog.pk, after=0).start()
        await StreamReader.wait_for_readers(2)
        for n in range(5):
            await sync_to_async(actions.check_publish_post, thread_sensitive=False)(
                blog, reporter, f"Post {n}."
            )
            await healthy.wait_for(n + 1)
        slow_had_when_healthy_had_all = len(slow.events)
        await slow.wait_for(5)
        await healthy.close()
        await slow.close()
        return slow, healthy, slow_had_when_healthy_had_all

    slow, healthy, slow_had_when_healthy_had_all = asyncio.run(scenario())
    assert healthy.seqs == slow.seqs == [1, 2, 3, 4, 5]
    # Each of the slow reader's writes takes half a second: the healthy one did
    # not wait for them.
    assert slow_had_when_healthy_had_all < 5


def test_a_stalled_reader_that_goes_leaves_no_write_waiting_behind(blog, reporter):
    async def scenario():
        stalled = StreamReader(blog.pk, after=0, stall=True).start()
        await StreamReader.wait_for_readers(1)
        await sync_to_async(actions.check_publish_post, thread_sensitive=False)(
            blog, reporter, "A post the stalled reader never takes."
        )
        await asyncio.sleep(0.3)  # the write is waiting on the client
        waiting = [t for t in asyncio.all_tasks() if "_finish_write" in repr(t.get_coro())]
        waiting_before = [task for task in waiting if not task.done()]
        await stalled.close(unstall=False)
        await asyncio.sleep(0)
        # Checked here: asyncio.run() cancels whatever is left when it ends.
        return len(waiting_before), [task for task in waiting if not task.done()]

    waited, still_waiting = asyncio.run(scenario())
    assert waited == 1
    assert still_waiting == []
