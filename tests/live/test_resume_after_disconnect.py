"""Readers follow the stream; a reconnecting reader gets exactly what it missed."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import sync_to_async

from dateline.live import actions, fanout

from .sse import StreamReader

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def publish(blog, author, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        actions.check_publish_post(blog, author, f"Post {n}.")


def test_reader_resumes_from_last_event_id(blog, reporter):
    publish(blog, reporter, 5)

    async def scenario():
        reader = StreamReader(blog.pk, last_event_id=2).start()
        await reader.wait_for(3)
        await reader.close()
        return reader

    reader = asyncio.run(scenario())
    assert reader.seqs == [3, 4, 5]
    assert [e["data"]["post"]["body"] for e in reader.events] == [
        "<p>Post 2.</p>",
        "<p>Post 3.</p>",
        "<p>Post 4.</p>",
    ]


def test_reader_receives_new_posts_live_without_duplicates(blog, reporter):
    publish(blog, reporter, 2)

    async def scenario():
        reader = StreamReader(blog.pk, after=1).start()
        await StreamReader.wait_for_readers(1)
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 3, start=2)
        await reader.wait_for(4)
        await reader.close()
        return reader

    assert asyncio.run(scenario()).seqs == [2, 3, 4, 5]


def test_reader_that_reconnects_after_a_restart_gets_the_missed_events(blog, reporter):
    async def first_connection():
        reader = StreamReader(blog.pk, after=0).start()
        await StreamReader.wait_for_readers(1)
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 2)
        await reader.wait_for(2)
        await reader.close()
        return reader.seqs[-1]

    last_seen = asyncio.run(first_connection())
    publish(blog, reporter, 3, start=2)  # published while the server was down
    fanout._hubs.clear()  # a new process: no memory of anything

    async def after_restart():
        reader = StreamReader(blog.pk, last_event_id=last_seen).start()
        await reader.wait_for(3)
        await reader.close()
        return reader.seqs

    assert asyncio.run(after_restart()) == [3, 4, 5]


@pytest.mark.parametrize("last_event_id", ["99", "banana", "-1"])
def test_unusable_last_event_id_gets_a_reset(blog, reporter, last_event_id):
    publish(blog, reporter, 2)

    async def scenario():
        reader = StreamReader(blog.pk, last_event_id=last_event_id).start()
        await asyncio.wait_for(reader.ended.wait(), 5)
        await reader.close()
        return reader

    reader = asyncio.run(scenario())
    assert [e["event"] for e in reader.events] == ["reset"]


def test_position_older_than_what_is_replayed_gets_a_reset(blog, reporter, settings):
    settings.LIVE_MAX_REPLAY = 2
    publish(blog, reporter, 5)

    async def scenario():
        reader = StreamReader(blog.pk, last_event_id=1).start()
        await asyncio.wait_for(reader.ended.wait(), 5)
        return reader

    assert [e["event"] for e in asyncio.run(scenario()).events] == ["reset"]


def test_unpublished_blog_has_no_stream(blog, reporter):
    publish(blog, reporter, 1)
    blog.unpublish()

    async def scenario():
        reader = StreamReader(blog.pk, after=0).start()
        await asyncio.wait_for(reader.ended.wait(), 5)
        return reader

    reader = asyncio.run(scenario())
    assert reader.status == 404
    assert reader.events == []
