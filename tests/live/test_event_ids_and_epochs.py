"""Event ids carry the blog's epoch (DESIGN §5.3): an id from another blog, or from
before the blog's sequence restarted, is recognised and reset, never replayed."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import sync_to_async

from dateline.live import actions
from dateline.live.models import LiveEvent, LiveState

from ..factories import LiveBlogPageFactory
from .sse import StreamReader, event_id

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def publish(blog, author, count: int) -> None:
    for n in range(count):
        actions.check_publish_post(blog, author, f"Post {n}.")


def read_until_end_or(count: int, blog_id: int, **kwargs) -> StreamReader:
    """Reads the stream until it ends or `count` events arrived."""

    async def scenario():
        reader = StreamReader(blog_id, **kwargs).start()
        done = asyncio.ensure_future(reader.ended.wait())
        await asyncio.wait([done, asyncio.ensure_future(reader.wait_for(count))], timeout=5)
        await reader.close()
        return reader

    return asyncio.run(scenario())


def restore_backup_taken_at(blog, seq: int) -> None:
    """What restoring a backup taken when the blog stood at `seq` does to it, and
    the step that follows a restore."""
    LiveEvent.objects.filter(blog=blog, seq__gt=seq).delete()
    LiveState.objects.filter(blog=blog).update(last_seq=seq)
    actions.do_renew_epochs()


def test_stream_ids_are_sequence_numbers_qualified_by_the_blogs_epoch(blog, reporter):
    publish(blog, reporter, 2)
    epoch = LiveState.objects.get(blog=blog).epoch
    reader = read_until_end_or(2, blog.pk, after=0)
    assert [e["id"] for e in reader.events] == [f"{epoch}-1", f"{epoch}-2"]


def test_each_blog_has_an_epoch_of_its_own(newsroom):
    first, second = (LiveBlogPageFactory(parent=newsroom["cl"]) for _ in range(2))
    assert first.live_state.epoch != second.live_state.epoch


def test_last_event_id_of_another_blog_gets_a_reset(newsroom, blog, reporter):
    other = LiveBlogPageFactory(parent=newsroom["cl"])
    publish(blog, reporter, 3)
    publish(other, reporter, 3)
    reader = read_until_end_or(2, blog.pk, last_event_id=event_id(other, 1))
    assert [e["event"] for e in reader.events] == ["reset"]


def test_last_event_id_from_before_a_restore_gets_a_reset(blog, reporter):
    publish(blog, reporter, 3)
    seen = event_id(blog, 3)
    restore_backup_taken_at(blog, 1)
    publish(blog, reporter, 3)  # numbered 2 to 4: not the events the reader saw
    reader = read_until_end_or(1, blog.pk, last_event_id=seen)
    assert [e["event"] for e in reader.events] == ["reset"]


def test_a_bare_sequence_number_as_last_event_id_gets_a_reset(blog, reporter):
    publish(blog, reporter, 3)
    reader = read_until_end_or(2, blog.pk, last_event_id="1")
    assert [e["event"] for e in reader.events] == ["reset"]


def test_page_position_qualified_by_the_epoch_is_honoured(blog, reporter):
    publish(blog, reporter, 3)
    assert read_until_end_or(1, blog.pk, after=event_id(blog, 2)).seqs == [3]


def test_page_position_as_a_bare_sequence_number_is_honoured(blog, reporter):
    publish(blog, reporter, 3)
    assert read_until_end_or(1, blog.pk, after="2").seqs == [3]


def test_page_position_of_another_epoch_gets_a_reset(blog, reporter):
    publish(blog, reporter, 3)
    reader = read_until_end_or(1, blog.pk, after="0123456789abcdef-2")
    assert [e["event"] for e in reader.events] == ["reset"]


def test_a_new_epoch_ends_the_streams_open_on_the_old_one(blog, reporter):
    async def scenario():
        reader = StreamReader(blog.pk, after=0).start()
        await StreamReader.wait_for_readers(1)
        await sync_to_async(actions.do_renew_epochs, thread_sensitive=False)()
        await sync_to_async(publish, thread_sensitive=False)(blog, reporter, 1)
        await asyncio.wait_for(reader.ended.wait(), 30)
        await reader.close()
        return reader

    # Their ids name the old epoch: on reconnecting, the readers are reset.
    assert asyncio.run(scenario()).events == []
