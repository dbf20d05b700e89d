"""GET|POST /api/v1/stories/{id}/comments: the app shares the web's comment rules."""

from __future__ import annotations

from dateline.comments.models import Comment


def token_for(client, username):
    response = client.post(
        "/api/v1/auth/token",
        {"username": username, "password": "correct horse battery"},
        content_type="application/json",
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def post(client, story, auth, **payload):
    return client.post(
        f"/api/v1/stories/{story.pk}/comments", payload, content_type="application/json", **auth
    )


def test_app_lists_a_storys_published_comments(client, story, reader):
    Comment.objects.create(story=story, author=reader, text="Hi", html="<p>Hi</p>")
    Comment.objects.create(
        story=story, author=reader, text="No", html="<p>No</p>", status="pending"
    )
    body = client.get(f"/api/v1/stories/{story.pk}/comments").json()
    assert body["count"] == 1
    assert [c["html"] for c in body["items"]] == ["<p>Hi</p>"]
    assert body["items"][0]["author"] == "reader"


def test_signed_in_reader_comments_through_the_api(client, story, reader):
    response = post(client, story, token_for(client, "reader"), text="From the app.")
    assert response.status_code == 201
    assert response.json()["html"] == "<p>From the app.</p>"


def test_anonymous_post_is_unauthorized(client, story):
    response = client.post(
        f"/api/v1/stories/{story.pk}/comments", {"text": "x"}, content_type="application/json"
    )
    assert response.status_code == 401
    assert not Comment.objects.exists()


def test_empty_comment_is_a_problem(client, story, reader):
    response = post(client, story, token_for(client, "reader"), text=" ")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_flood_gets_429_and_nothing_stored(client, story, reader, settings):
    settings.COMMENT_RATE_PER_ACCOUNT = (1, 60)
    auth = token_for(client, "reader")
    post(client, story, auth, text="One.")
    response = post(client, story, auth, text="Two.")
    assert response.status_code == 429
    assert Comment.objects.count() == 1


def test_unknown_story_is_not_found(client, reader):
    assert client.get("/api/v1/stories/999999/comments").status_code == 404
