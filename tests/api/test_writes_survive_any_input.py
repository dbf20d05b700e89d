"""Every write door of the API takes any JSON and any text without a server error, and a
refused write leaves nothing behind (property-based: hypothesis generates the bodies)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.articles.models import StoryPage
from dateline.comments.models import Comment
from dateline.live.models import LiveEvent, LivePost, LivePostDraft
from dateline.wire.models import WireItem

from .support import bearer, token_for

EXAMPLES = 40

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
# Bodies shaped like the real ones, with any value in each field, and any JSON at all.
FIELDS = [
    "body",
    "text",
    "summary",
    "status",
    "revision",
    "pinned",
    "key_event",
    "parent_id",
    "translation_of",
]
bodies = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=4) | json_values
# Text as a person's keyboard, a copy-paste or an attacker may send it, surrogates included.
raw_text = st.lists(
    st.characters(exclude_categories=[])
    | st.sampled_from(["\ud800", "\udfff", "\x00", "\u200b", "\u202e", "\ufeff"]),
    max_size=60,
).map("".join)  # built by hand: hypothesis's text() never holds a lone surrogate

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


WIRE_ITEM = json.dumps({"uri": "urn:test:wire:1", "headline": "An item"}).encode()


def _state() -> tuple[int, ...]:
    return (
        LivePost.objects.count(),
        LiveEvent.objects.count(),
        Comment.objects.count(),
        LivePostDraft.objects.count(),
        StoryPage.objects.count(),
        WireItem.objects.count(),
    )


@pytest.fixture
def doors(client, blog, editor, reader):
    from dateline.live.actions import do_publish_post
    from dateline.wire.ingest import default_provider, receive_document

    post = do_publish_post(blog, editor, "The first post.")
    item = receive_document(default_provider("api"), WIRE_ITEM).received[0].item
    return {
        "editor": bearer(token_for(client, "editor")),
        "admin": bearer(token_for(client, "admin")),
        "reader": bearer(token_for(client, "reader")),
        "writes": [
            ("post", f"/api/v1/liveblogs/{blog.pk}/posts", "editor"),
            ("patch", f"/api/v1/liveblogs/{blog.pk}/posts/{post.pk}", "editor"),
            ("patch", f"/api/v1/liveblogs/{blog.pk}", "editor"),
            ("post", f"/api/v1/stories/{blog.pk}/comments", "reader"),
            ("post", f"/api/v1/wire/items/{item.pk}/story", "editor"),
            ("post", f"/api/v1/wire/items/{item.pk}/livepost", "editor"),
            ("post", "/api/v1/wire/items", "admin"),
        ],
    }


def _send(client, doors, door: int, body: str):
    method, path, who = doors["writes"][door]
    return getattr(client, method)(path, body, content_type="application/json", **doors[who])


@pytest.mark.parametrize("door", range(7))
def test_any_json_body_gets_an_answer_that_is_not_a_server_error(client, doors, door):
    @FUZZ
    @given(body=bodies)
    def answers(body):
        response = _send(client, doors, door, json.dumps(body))
        assert response.status_code < 500, response.content

    answers()


@pytest.mark.parametrize("door", range(7))
def test_a_refused_write_leaves_nothing_behind(client, doors, door):
    @FUZZ
    @given(text=raw_text)
    def refused_writes_change_nothing(text):
        before = _state()
        # Every field a write takes, holding the same text (json.dumps keeps surrogates
        # escaped, as a client's JSON encoder would send them).
        body = json.dumps({"body": text, "text": text, "summary": text})
        response = _send(client, doors, door, body)
        if response.status_code >= 400:
            assert _state() == before, response.content

    refused_writes_change_nothing()


@given(username=raw_text, password=raw_text)
@FUZZ
def test_the_token_door_takes_any_credentials_without_a_server_error(
    client, db, username, password
):
    response = client.post(
        "/api/v1/auth/token",
        json.dumps({"username": username, "password": password}),
        content_type="application/json",
    )
    assert response.status_code < 500
