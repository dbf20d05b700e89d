"""Reading a live blog through the API: its state, pinned post, key events and posts."""

from __future__ import annotations

import pytest

from dateline.live import actions

from ..factories import LiveBlogPageFactory
from .support import assert_problem


@pytest.fixture
def blog(newsroom, editor):
    blog = LiveBlogPageFactory(parent=newsroom["cl"], title="Storm: live")
    for n in range(5):
        actions.do_publish_post(blog, editor, f"Post {n}")
    return blog


def test_blog_shows_its_pinned_post_and_key_events(client, blog, editor):
    first, second = blog.posts.order_by("published_at", "pk")[:2]
    actions.check_pin_post(first, editor, True)
    actions.check_mark_key_event(second, editor, True, "Bridge closed")
    body = client.get(f"/api/v1/liveblogs/{blog.pk}").json()
    assert body["pinned_post"]["id"] == first.pk
    assert [(k["post_id"], k["title"]) for k in body["key_events"]] == [
        (second.pk, "Bridge closed")
    ]
    assert body["key_events"][0]["url"].endswith(f"?post={second.pk}#post-{second.pk}")
    assert body["status"] == "live" and body["last_seq"] == 7


def test_posts_come_newest_first_page_by_page(client, blog):
    first = client.get(f"/api/v1/liveblogs/{blog.pk}/posts?limit=3").json()
    rest = client.get(f"/api/v1/liveblogs/{blog.pk}/posts?limit=3&cursor={first['next']}").json()
    bodies = [p["body"] for p in first["items"] + rest["items"]]
    assert bodies == [f"<p>Post {n}</p>" for n in (4, 3, 2, 1, 0)]
    assert rest["next"] is None


def test_stream_path_answers_with_the_missed_events_without_an_asgi_server(client, blog):
    response = client.get(f"/api/v1/liveblogs/{blog.pk}/stream?after=3")
    assert response["Content-Type"] == "text/event-stream"
    text = response.content.decode()
    assert text.startswith("retry: ")
    epoch = blog.live_state.epoch
    ids = [line for line in text.splitlines() if line.startswith("id: ")]
    assert ids == [f"id: {epoch}-4", f"id: {epoch}-5"]


def test_stream_from_a_position_ahead_of_the_blog_resets(client, blog):
    ahead = f"{blog.live_state.epoch}-99"
    response = client.get(f"/api/v1/liveblogs/{blog.pk}/stream", HTTP_LAST_EVENT_ID=ahead)
    assert "event: reset" in response.content.decode()


def test_posts_of_an_unpublished_blog_are_not_found(client, blog):
    blog.unpublish()
    assert_problem(client.get(f"/api/v1/liveblogs/{blog.pk}/posts"), 404)


def test_stream_without_an_asgi_server_refuses_a_malformed_position(client, blog):
    assert_problem(client.get(f"/api/v1/liveblogs/{blog.pk}/stream?after=banana"), 400)
