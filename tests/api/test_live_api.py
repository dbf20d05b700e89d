"""The live paths of the API (DESIGN §5.8), as the app and scripts call them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import APIToken

from dateline.live import actions
from dateline.live.models import LivePost

from ..factories import LiveBlogPageFactory
from .support import assert_problem, bearer, token_for


def post(client, blog_id, token, **payload):
    return client.post(
        f"/api/v1/liveblogs/{blog_id}/posts",
        payload,
        content_type="application/json",
        **bearer(token),
    )


def test_token_with_right_password(client, reporter):
    assert token_for(client, "reporter").startswith("wagtail_")


def test_token_with_wrong_password_is_refused(client, reporter):
    response = client.post(
        "/api/v1/auth/token",
        {"username": "reporter", "password": "nope"},
        content_type="application/json",
    )
    assert_problem(response, 401)


def test_reporter_publishes_a_post_with_a_token(client, blog, reporter):
    response = post(client, blog.pk, token_for(client, "reporter"), body="Evacuation ordered.")
    assert response.status_code == 201
    assert response.json()["body"] == "<p>Evacuation ordered.</p>"
    assert LivePost.objects.get().author == reporter


def test_post_with_no_body_is_a_problem_and_stores_nothing(client, blog, reporter):
    assert_problem(post(client, blog.pk, token_for(client, "reporter"), body=" "), 422)
    assert not LivePost.objects.exists()


def test_post_missing_the_body_field_is_a_problem(client, blog, reporter):
    assert_problem(post(client, blog.pk, token_for(client, "reporter")), 400)


def test_post_over_the_size_limit_is_a_problem(client, blog, reporter, settings):
    settings.LIVE_POST_MAX_CHARS = 50
    assert_problem(post(client, blog.pk, token_for(client, "reporter"), body="x" * 51), 422)


def test_post_to_an_unknown_blog_is_not_found(client, blog, reporter):
    assert_problem(post(client, 999999, token_for(client, "reporter"), body="Hi"), 404)


def test_post_to_a_closed_blog_is_a_problem(client, blog, reporter, editor):
    actions.check_set_coverage(blog, editor, False)
    body = assert_problem(post(client, blog.pk, token_for(client, "reporter"), body="Late"), 422)
    assert "ended" in body["detail"]


def test_forged_token_is_unauthorized(client, blog, reporter):
    response = post(client, blog.pk, "wagtail_forged0000000000000000000000000000", body="Hi")
    assert_problem(response, 401)
    assert not LivePost.objects.exists()


def test_expired_token_is_unauthorized(client, blog, reporter, settings):
    token = token_for(client, "reporter")
    APIToken.objects.update(created=timezone.now() - timedelta(days=settings.API_TOKEN_DAYS + 1))
    assert_problem(post(client, blog.pk, token, body="Hi"), 401)


def test_reporter_cannot_post_to_another_edition(client, newsroom, reporter):
    mexico = LiveBlogPageFactory(parent=newsroom["mx"])
    body = assert_problem(post(client, mexico.pk, token_for(client, "reporter"), body="Hi"), 403)
    assert "México" in body["detail"]
    assert not LivePost.objects.exists()


def test_stale_edit_gets_409_with_the_current_version(client, blog, reporter, editor):
    original = actions.check_publish_post(blog, reporter, "Original.")
    actions.check_edit_post(original, editor, "Editor's version.", 1)
    response = client.patch(
        f"/api/v1/liveblogs/{blog.pk}/posts/{original.pk}",
        {"body": "Reporter's version.", "revision": 1},
        content_type="application/json",
        **bearer(token_for(client, "reporter")),
    )
    body = assert_problem(response, 409)
    assert "Editor" in body["current"]["body"]
    assert body["current"]["revision"] == 2
    assert LivePost.objects.get().body_source == "Editor's version."


def test_edit_with_the_current_revision_succeeds(client, blog, reporter):
    original = actions.check_publish_post(blog, reporter, "Original.")
    response = client.patch(
        f"/api/v1/liveblogs/{blog.pk}/posts/{original.pk}",
        {"body": "Corrected.", "revision": 1},
        content_type="application/json",
        **bearer(token_for(client, "reporter")),
    )
    assert response.status_code == 200
    assert response.json()["revision"] == 2


def test_delete_a_post(client, blog, reporter):
    original = actions.check_publish_post(blog, reporter, "Original.")
    response = client.delete(
        f"/api/v1/liveblogs/{blog.pk}/posts/{original.pk}", **bearer(token_for(client, "reporter"))
    )
    assert response.status_code == 204
    assert not LivePost.objects.exists()


def test_list_live_blogs_newest_first(client, newsroom):
    older = LiveBlogPageFactory(
        parent=newsroom["cl"], first_published_at=timezone.now() - timedelta(hours=2)
    )
    newer = LiveBlogPageFactory(parent=newsroom["es"])
    items = client.get("/api/v1/liveblogs/").json()["items"]
    assert [item["id"] for item in items] == [newer.pk, older.pk]
    assert set(items[0]) >= {"id", "title", "edition", "status", "url"}
    assert items[0]["edition"] == "es" and items[0]["status"] == "live"


def test_list_is_paginated_with_a_cursor(client, newsroom):
    for hours in range(3):
        LiveBlogPageFactory(
            parent=newsroom["cl"], first_published_at=timezone.now() - timedelta(hours=hours)
        )
    first = client.get("/api/v1/liveblogs/?limit=2").json()
    second = client.get(f"/api/v1/liveblogs/?limit=2&cursor={first['next']}").json()
    assert len(first["items"]) == 2 and len(second["items"]) == 1 and second["next"] is None


def test_malformed_cursor_is_a_problem(client, newsroom):
    assert_problem(client.get("/api/v1/liveblogs/?cursor=%%%"), 400)


def test_unpublished_blog_is_not_found(client, blog):
    blog.unpublish()
    assert_problem(client.get(f"/api/v1/liveblogs/{blog.pk}"), 404)
    assert_problem(client.get(f"/api/v1/liveblogs/{blog.pk}/events"), 404)


def test_polling_returns_events_after_a_sequence_number(client, blog, reporter):
    for n in range(3):
        actions.check_publish_post(blog, reporter, f"Post {n}.")
    body = client.get(f"/api/v1/liveblogs/{blog.pk}/events?after=1").json()
    assert body["last_seq"] == 3
    assert [e["seq"] for e in body["events"]] == [2, 3]
    assert set(body["events"][0]) >= {"seq", "type", "post_id", "post", "html"}


def test_polling_answers_304_when_nothing_changed(client, blog, reporter):
    actions.check_publish_post(blog, reporter, "News.")
    url = f"/api/v1/liveblogs/{blog.pk}/events?after=1"
    first = client.get(url)
    assert "max-age" in first["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    actions.check_publish_post(blog, reporter, "More news.")
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_polling_from_ahead_of_the_blog_says_reset(client, blog):
    assert client.get(f"/api/v1/liveblogs/{blog.pk}/events?after=50").json()["reset"] is True


def test_polling_with_a_non_numeric_position_is_a_problem(client, blog):
    assert_problem(client.get(f"/api/v1/liveblogs/{blog.pk}/events?after=banana"), 400)


def test_polling_answers_with_the_blogs_epoch(client, blog):
    body = client.get(f"/api/v1/liveblogs/{blog.pk}/events").json()
    assert body["epoch"] == blog.live_state.epoch


def test_polling_from_a_position_in_the_blogs_epoch_returns_the_events_after_it(
    client, blog, reporter
):
    for n in range(3):
        actions.check_publish_post(blog, reporter, f"Post {n}.")
    after = f"{blog.live_state.epoch}-1"
    body = client.get(f"/api/v1/liveblogs/{blog.pk}/events?after={after}").json()
    assert [e["seq"] for e in body["events"]] == [2, 3]


def test_polling_from_a_position_of_another_epoch_says_reset(client, blog, reporter):
    actions.check_publish_post(blog, reporter, "News.")
    body = client.get(f"/api/v1/liveblogs/{blog.pk}/events?after=0123456789abcdef-0").json()
    assert body["reset"] is True


def test_polling_after_a_new_epoch_is_not_answered_not_modified(client, blog, reporter):
    actions.check_publish_post(blog, reporter, "News.")
    url = f"/api/v1/liveblogs/{blog.pk}/events?after=0"
    first = client.get(url)
    actions.do_renew_epochs()
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_live_blog_carries_its_epoch(client, blog):
    body = client.get(f"/api/v1/liveblogs/{blog.pk}").json()
    assert body["epoch"] == blog.live_state.epoch


# Every request reads the site it is for (once per process and publication).
@pytest.mark.django_db
def test_openapi_document_describes_the_live_paths(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    for path in (
        "/api/v1/auth/token",
        "/api/v1/liveblogs/",
        "/api/v1/liveblogs/{blog_id}",
        "/api/v1/liveblogs/{blog_id}/events",
        "/api/v1/liveblogs/{blog_id}/posts",
        "/api/v1/liveblogs/{blog_id}/posts/{post_id}",
    ):
        assert path in document["paths"], path


# Every request reads the site it is for (once per process and publication).
@pytest.mark.django_db
def test_api_docs_page_serves_its_own_assets(client):
    # The docs must work behind a firewall: nothing from a CDN.
    html = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle" in html
    assert "cdn" not in html.lower()
