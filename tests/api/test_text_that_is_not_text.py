"""Strings that are not text (a lone surrogate, a NUL) are refused at the door, and
text with nothing visible in it is refused as empty: never a 500, nothing stored."""

from __future__ import annotations

import json

import pytest

from dateline.comments.models import Comment
from dateline.live.models import LivePost, LiveState

from .support import assert_problem, bearer, token_for

SURROGATE = '"\\ud800"'  # JSON's spelling of a lone surrogate
NUL = '"a\\u0000b"'
INVISIBLE = json.dumps("\u200b\u200e\u2066\ufeff")  # zero-width space, direction marks, BOM


def _post(client, path, body: str, token=None):
    headers = bearer(token) if token else {}
    return client.post(path, body, content_type="application/json", **headers)


def test_a_lone_surrogate_in_the_sign_in_body_is_a_problem(client, db):
    response = _post(client, "/api/v1/auth/token", f'{{"username": {SURROGATE}, "password": "x"}}')
    assert_problem(response, 400)


def test_a_nul_in_the_sign_in_body_is_a_problem(client, db):
    response = _post(client, "/api/v1/auth/token", f'{{"username": {NUL}, "password": "x"}}')
    assert_problem(response, 400)


@pytest.mark.parametrize("text", [SURROGATE, NUL])
def test_a_post_that_is_not_text_is_a_problem(client, blog, reporter, text):
    response = _post(
        client,
        f"/api/v1/liveblogs/{blog.pk}/posts",
        f'{{"body": {text}}}',
        token_for(client, "reporter"),
    )
    assert_problem(response, 400)


@pytest.mark.parametrize("text", [SURROGATE, NUL])
def test_a_post_that_is_not_text_stores_nothing(client, blog, reporter, text):
    _post(
        client,
        f"/api/v1/liveblogs/{blog.pk}/posts",
        f'{{"body": {text}}}',
        token_for(client, "reporter"),
    )
    assert not LivePost.objects.exists()


def test_a_post_with_nothing_visible_is_refused(client, blog, reporter):
    response = _post(
        client,
        f"/api/v1/liveblogs/{blog.pk}/posts",
        f'{{"body": {INVISIBLE}}}',
        token_for(client, "reporter"),
    )
    assert_problem(response, 422)


def test_a_summary_that_is_not_text_changes_nothing(client, blog, editor):
    client.patch(
        f"/api/v1/liveblogs/{blog.pk}",
        f'{{"summary": {SURROGATE}}}',
        content_type="application/json",
        **bearer(token_for(client, "editor")),
    )
    assert LiveState.objects.get(blog=blog).summary == ""


@pytest.mark.parametrize("text", [SURROGATE, NUL, INVISIBLE])
def test_a_comment_that_is_not_text_is_not_stored(client, blog, reader, text):
    _post(
        client,
        f"/api/v1/stories/{blog.pk}/comments",
        f'{{"text": {text}}}',
        token_for(client, "reader"),
    )
    assert not Comment.objects.exists()
