"""Who may change which live posts, through the API: reporters edit and delete their
own posts; editors, edition admins and site admins edit, pin, mark as key events
and delete anyone's in their editions."""

from __future__ import annotations

import pytest

from dateline.live import actions
from dateline.live.models import LivePost

from ..factories import LiveBlogPageFactory
from .support import assert_problem, bearer, token_for


@pytest.fixture
def blog(newsroom):
    return LiveBlogPageFactory(parent=newsroom["cl"], title="Storm: live")


@pytest.fixture
def reporters_post(blog, reporter):
    return actions.check_publish_post(blog, reporter, "Reporter's post.")


@pytest.fixture
def editors_post(blog, editor):
    return actions.check_publish_post(blog, editor, "Editor's post.")


def patch(client, post, username, **payload):
    return client.patch(
        f"/api/v1/liveblogs/{post.blog_id}/posts/{post.pk}",
        payload,
        content_type="application/json",
        **bearer(token_for(client, username)),
    )


def delete(client, post, username):
    return client.delete(
        f"/api/v1/liveblogs/{post.blog_id}/posts/{post.pk}", **bearer(token_for(client, username))
    )


def edit(client, post, username):
    return patch(client, post, username, body="Corrected.", revision=post.revision)


def test_reporter_edits_their_own_post(client, reporters_post):
    assert edit(client, reporters_post, "reporter").status_code == 200


def test_reporter_deletes_their_own_post(client, reporters_post):
    assert delete(client, reporters_post, "reporter").status_code == 204


def test_reporter_cannot_edit_an_editors_post(client, editors_post, reporter):
    assert_problem(edit(client, editors_post, "reporter"), 403)


def test_reporter_cannot_delete_an_editors_post(client, editors_post, reporter):
    assert_problem(delete(client, editors_post, "reporter"), 403)


def test_reporter_cannot_pin_even_their_own_post(client, reporters_post):
    assert_problem(patch(client, reporters_post, "reporter", pinned=True), 403)


def test_reporter_cannot_mark_even_their_own_post_as_a_key_event(client, reporters_post):
    assert_problem(patch(client, reporters_post, "reporter", key_event=True), 403)


def test_reporter_cannot_publish_a_key_event(client, blog, reporter):
    response = client.post(
        f"/api/v1/liveblogs/{blog.pk}/posts",
        {"body": "Landfall.", "key_event": True},
        content_type="application/json",
        **bearer(token_for(client, "reporter")),
    )
    assert_problem(response, 403)


def test_a_refused_pin_leaves_the_edit_sent_with_it_unmade(client, reporters_post):
    patch(client, reporters_post, "reporter", body="Changed.", revision=1, pinned=True)
    assert LivePost.objects.get(pk=reporters_post.pk).body_source == "Reporter's post."


def test_reporter_who_left_the_edition_cannot_edit_their_own_post(client, reporters_post, reporter):
    token = token_for(client, "reporter")
    reporter.groups.clear()
    response = client.patch(
        f"/api/v1/liveblogs/{reporters_post.blog_id}/posts/{reporters_post.pk}",
        {"body": "Corrected.", "revision": 1},
        content_type="application/json",
        **bearer(token),
    )
    assert_problem(response, 403)


def test_editor_edits_a_reporters_post(client, reporters_post, editor):
    assert edit(client, reporters_post, "editor").status_code == 200


def test_editor_deletes_a_reporters_post(client, reporters_post, editor):
    assert delete(client, reporters_post, "editor").status_code == 204


def test_editor_pins_a_reporters_post(client, reporters_post, editor):
    assert patch(client, reporters_post, "editor", pinned=True).json()["is_pinned"] is True


def test_editor_marks_a_reporters_post_as_a_key_event(client, reporters_post, editor):
    response = patch(client, reporters_post, "editor", key_event=True, key_event_title="Landfall")
    assert response.json()["is_key_event"] is True


def test_edition_admin_edits_a_reporters_post(client, reporters_post, chief):
    assert edit(client, reporters_post, "chief").status_code == 200


def test_site_admin_deletes_a_reporters_post(client, reporters_post, admin):
    assert delete(client, reporters_post, "admin").status_code == 204


def test_editor_cannot_edit_a_post_in_another_edition(client, newsroom, editor, admin):
    mexico = LiveBlogPageFactory(parent=newsroom["mx"])
    post = actions.check_publish_post(mexico, admin, "México's post.")
    assert_problem(edit(client, post, "editor"), 403)


def test_reporter_cannot_delete_a_post_in_another_edition(client, newsroom, reporter, admin):
    mexico = LiveBlogPageFactory(parent=newsroom["mx"])
    post = actions.check_publish_post(mexico, admin, "México's post.")
    assert_problem(delete(client, post, "reporter"), 403)
