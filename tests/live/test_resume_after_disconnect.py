"""Readers follow the stream; a reconnecting reader gets exactly what it missed."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import sync_to_async

from dateline.live import actions, fanout

from .sse import StreamReader, event_id

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def publish(blog, author, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        actions.check_publish_post(blog, author, f"Post {n}.")


def test_reader_resumes_from_last_event_id(blog, reporter):
    publish(blog, reporter, 5)
    last_seen = event_id(blog, 2)

    async def scenario():
        reader = StreamReader(blog.pk, last_event_id=last_seen).start()
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
        return reader.events[-1]["id"]

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
    last_seen = event_id(blog, 1)

    async def scenario():
        reader = StreamReader(blog.pk, last_event_id=last_seen).start()
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


def test_reader_that_reconnects_while_others_keep_the_blog_open_gets_what_it_missed(blog, reporter):
    async def scenario():
        staying = StreamReader(blog.pk, after=0).start()
        leaving = StreamReader(blog.pk, after=0).start()
        await StreamReader.wait_for_readers(2)
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 2)
        await leaving.wait_for(2)
        await leaving.close()
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 3, start=2)
        await staying.wait_for(5)  # this process has delivered everything
        back = StreamReader(blog.pk, last_event_id=leaving.events[-1]["id"]).start()
        await back.wait_for(3)
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 1, start=5)
        await back.wait_for(4)
        await staying.wait_for(6)
        await back.close()
        await staying.close()
        return leaving.seqs, back.seqs, staying.seqs

    leaving, back, staying = asyncio.run(scenario())
    assert leaving == [1, 2]
    assert back == [3, 4, 5, 6]
    assert staying == [1, 2, 3, 4, 5, 6]


def test_reader_that_has_seen_more_than_this_process_delivered_is_not_reset(
    blog, reporter, monkeypatch
):
    seen_two = event_id(blog, 2)

    async def scenario():
        first = StreamReader(blog.pk, after=0).start()
        await StreamReader.wait_for_readers(1)
        # Posts whose notification this process has not had yet.
        monkeypatch.setattr(actions, "notify_on_commit", lambda blog_id, seq: None)
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 2)
        ahead = StreamReader(blog.pk, last_event_id=seen_two).start()
        await StreamReader.wait_for_readers(2)
        await asyncio.sleep(0.2)
        await ahead.close()
        await first.close()
        return ahead

    ahead = asyncio.run(scenario())
    assert ahead.status == 200
    assert [e["event"] for e in ahead.events] == []  # no reset, and nothing twice


def test_a_reader_joining_a_blog_already_streamed_costs_no_database_read(
    blog, reporter, monkeypatch
):
    from dateline.live import db

    reads = []
    real_read = db.read

    async def counting_read(func, *args):
        reads.append(func.__name__)
        return await real_read(func, *args)

    monkeypatch.setattr(db, "read", counting_read)

    async def scenario():
        first = StreamReader(blog.pk).start()
        await StreamReader.wait_for_readers(1)
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 1)
        await first.wait_for(1)  # the blog is being streamed by this process
        before = len(reads)
        others = [StreamReader(blog.pk).start() for _ in range(20)]
        await StreamReader.wait_for_readers(21)
        joined_reads = reads[before:]
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 1, start=1)
        for reader in [first, *others]:
            await reader.wait_for(1 if reader in others else 2)
        for reader in [first, *others]:
            await reader.close()
        return joined_reads, [reader.seqs for reader in others]

    joined_reads, seqs = asyncio.run(scenario())
    assert joined_reads == []
    assert seqs == [[2]] * 20


def test_unpublishing_a_blog_ends_its_streams(blog, reporter, settings):
    settings.LIVE_HEARTBEAT_SECONDS = 0.3

    async def scenario():
        reader = StreamReader(blog.pk, after=0).start()
        await StreamReader.wait_for_readers(1)
        await sync_to_async(blog.unpublish, thread_sensitive=False)()
        await asyncio.wait_for(reader.ended.wait(), 5)
        again = StreamReader(blog.pk, after=0).start()
        await asyncio.wait_for(again.ended.wait(), 5)
        await reader.close()
        return again.status

    assert asyncio.run(scenario()) == 404


def test_replay_checks_visibility_even_when_the_channel_has_not_noticed_yet(blog, reporter):
    from_the_start = event_id(blog, 0)

    async def scenario():
        staying = StreamReader(blog.pk, after=0).start()
        await StreamReader.wait_for_readers(1)
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 2)
        await staying.wait_for(2)
        # Unpublished between two heartbeats: the channel has not re-read it yet.
        await sync_to_async(blog.unpublish, thread_sensitive=False)()
        late = StreamReader(blog.pk, last_event_id=from_the_start).start()
        await asyncio.wait_for(late.ended.wait(), 5)
        await staying.close()
        return late

    late = asyncio.run(scenario())
    assert late.events == []
