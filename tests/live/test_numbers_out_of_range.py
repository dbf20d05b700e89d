"""Numbers from outside that the database cannot hold: never an error, at any live door."""

from __future__ import annotations

import asyncio

import pytest

from dateline.live import actions

from .sse import StreamReader

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAST_THE_DATABASE = str(2**63)
HUGE = "9" * 40


def read_stream(blog_id: int, **kwargs) -> StreamReader:
    async def scenario():
        reader = StreamReader(blog_id, **kwargs).start()
        await asyncio.wait_for(reader.ended.wait(), 5)
        await reader.close()
        return reader

    return asyncio.run(scenario())


def answer(reader: StreamReader) -> tuple:
    return reader.status, reader.headers.get(b"content-type"), reader.body.split(b'"detail"')[0]


@pytest.mark.parametrize("blog_id", [2**63, 10**40])
def test_stream_of_a_blog_id_past_the_database_range_is_not_found(newsroom, blog_id):
    assert read_stream(blog_id).status == 404


def test_stream_of_a_blog_id_past_the_database_range_answers_as_for_an_unknown_blog(newsroom):
    assert answer(read_stream(2**63)) == answer(read_stream(2**63 - 1))


@pytest.mark.parametrize("position", [PAST_THE_DATABASE, HUGE, "-5", "1e3", "٣"])
def test_stream_from_an_unusable_page_position_resets(blog, reporter, position):
    actions.check_publish_post(blog, reporter, "News.")
    assert [e["event"] for e in read_stream(blog.pk, after=position).events] == ["reset"]


@pytest.mark.parametrize("last_event_id", [PAST_THE_DATABASE, HUGE, "-5", "1e3"])
def test_stream_from_an_unusable_last_event_id_resets(blog, reporter, last_event_id):
    actions.check_publish_post(blog, reporter, "News.")
    events = read_stream(blog.pk, last_event_id=last_event_id).events
    assert [e["event"] for e in events] == ["reset"]


@pytest.mark.parametrize("after", [PAST_THE_DATABASE, HUGE, "-5", "1e3", "%00"])
def test_polling_from_an_unusable_position_is_a_bad_request(client, blog, after):
    response = client.get(f"/api/v1/liveblogs/{blog.pk}/events?after={after}")
    assert (response.status_code, response["Content-Type"]) == (400, "application/problem+json")


@pytest.mark.parametrize("parameter", ["before", "post"])
@pytest.mark.parametrize("value", [PAST_THE_DATABASE, HUGE, "-5", "0"])
def test_live_page_with_an_unusable_post_id_shows_the_newest_posts(
    client, blog, reporter, parameter, value
):
    actions.check_publish_post(blog, reporter, "Newest news.")
    response = client.get(f"{blog.url}?{parameter}={value}")
    assert "Newest news." in response.content.decode()
