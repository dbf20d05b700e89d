"""Who is calling the API: a request that sends a bearer token is judged by the
token alone; the desk's signed-in session writes with its CSRF token; a write
with neither is unauthorized (401 with a Bearer challenge), never a CSRF error.

These tests use a client that enforces CSRF, as browsers and apps meet it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import APIToken

from dateline.comments.models import Comment
from dateline.live.models import LivePost

from ..factories import ArticlePageFactory, LiveBlogPageFactory
from .support import assert_problem, bearer, token_for


@pytest.fixture
def client():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def blog(newsroom):
    return LiveBlogPageFactory(parent=newsroom["cl"], title="Storm: live")


def post_live(client, blog, **headers):
    return client.post(
        f"/api/v1/liveblogs/{blog.pk}/posts",
        {"body": "Evacuation ordered."},
        content_type="application/json",
        **headers,
    )


def signed_in_with_csrf(client, user) -> dict:
    """Signs in as the desk does and returns the CSRF header its script sends."""
    client.force_login(user)
    client.get("/admin/")  # any admin page sets the CSRF cookie
    return {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}


def test_a_write_without_credentials_is_unauthorized(client, blog):
    assert_problem(post_live(client, blog), 401)


def test_a_write_without_credentials_gets_a_bearer_challenge(client, blog):
    assert post_live(client, blog)["WWW-Authenticate"] == "Bearer"


def test_a_write_with_a_wrong_token_is_unauthorized(client, blog):
    response = post_live(client, blog, **bearer("wagtail_forged0000000000000000000000000000"))
    assert_problem(response, 401)


def test_a_write_with_a_wrong_token_gets_a_bearer_challenge(client, blog):
    response = post_live(client, blog, **bearer("wagtail_forged0000000000000000000000000000"))
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_write_with_an_expired_token_is_unauthorized(client, blog, reporter, settings):
    token = token_for(client, "reporter")
    APIToken.objects.update(created=timezone.now() - timedelta(days=settings.API_TOKEN_DAYS + 1))
    assert_problem(post_live(client, blog, **bearer(token)), 401)


def test_a_write_with_a_revoked_token_is_unauthorized(client, blog, reporter):
    token = token_for(client, "reporter")
    APIToken.objects.get().revoke()
    assert_problem(post_live(client, blog, **bearer(token)), 401)


def test_a_comment_with_a_wrong_token_is_unauthorized(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["cl"])
    response = client.post(
        f"/api/v1/stories/{story.pk}/comments",
        {"text": "From the app."},
        content_type="application/json",
        **bearer("wagtail_forged0000000000000000000000000000"),
    )
    assert_problem(response, 401)
    assert not Comment.objects.exists()


def test_a_wrong_token_does_not_fall_back_to_the_signed_in_session(client, blog, reporter):
    csrf = signed_in_with_csrf(client, reporter)
    post_live(client, blog, **csrf, **bearer("wagtail_forged0000000000000000000000000000"))
    assert not LivePost.objects.exists()


def test_a_valid_token_writes_without_a_csrf_token(client, blog, reporter):
    response = post_live(client, blog, **bearer(token_for(client, "reporter")))
    assert response.status_code == 201


def test_the_desks_session_writes_with_its_csrf_token(client, blog, reporter):
    response = post_live(client, blog, **signed_in_with_csrf(client, reporter))
    assert response.status_code == 201


def test_a_session_write_without_its_csrf_token_is_forbidden(client, blog, reporter):
    client.force_login(reporter)
    assert_problem(post_live(client, blog), 403)


def test_a_read_with_a_wrong_token_gets_a_bearer_challenge(client, newsroom):
    response = client.get("/api/v1/stories/", **bearer("wagtail_nope"))
    assert response["WWW-Authenticate"] == "Bearer"
