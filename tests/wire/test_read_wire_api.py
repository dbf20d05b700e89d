"""GET /api/v1/wire/items and /items/{id}, and making drafts from an item."""

from __future__ import annotations

import pytest

from dateline.articles.models import ArticlePage
from dateline.live.models import LivePost, LivePostDraft

from ..api.support import assert_problem, bearer, token_for
from ..factories import LiveBlogPageFactory
from .conftest import sample
from .support import agency_token, push

pytestmark = pytest.mark.django_db


@pytest.fixture
def wire(client, newsroom):
    token = agency_token(client)
    ids = {}
    for name, kind in (
        ("ninjs-1.json", "application/json"),
        ("ninjs-2.json", "application/json"),
        ("newsitem-xhtml.xml", "application/xml"),
    ):
        ids[name] = push(client, sample(name), token, kind).json()["id"]
    return ids


def get(client, path, username="editor"):
    return client.get(path, **bearer(token_for(client, username)))


def test_items_come_newest_first(client, wire):
    items = get(client, "/api/v1/wire/items").json()["items"]
    assert [i["id"] for i in items] == sorted(wire.values(), reverse=True)


def test_items_are_filtered_by_urgency(client, wire):
    items = get(client, "/api/v1/wire/items?urgency=1").json()["items"]
    assert [i["id"] for i in items] == [wire["ninjs-2.json"]]


def test_items_are_filtered_by_language(client, wire):
    items = get(client, "/api/v1/wire/items?language=es").json()["items"]
    assert [i["id"] for i in items] == [wire["ninjs-2.json"]]


def test_items_are_filtered_by_type_and_provider(client, wire):
    items = get(client, "/api/v1/wire/items?type=text&provider=api").json()["items"]
    assert len(items) == 3


def test_items_page_by_cursor(client, wire):
    first = get(client, "/api/v1/wire/items?limit=2").json()
    rest = get(client, f"/api/v1/wire/items?limit=2&cursor={first['next']}").json()
    assert [i["id"] for i in first["items"] + rest["items"]] == sorted(wire.values(), reverse=True)


def test_an_item_gives_its_body_and_versions(client, wire):
    item = get(client, f"/api/v1/wire/items/{wire['newsitem-xhtml.xml']}").json()
    assert (item["versions"], "<h2>New shelves</h2>" in item["body_html"]) == (["4"], True)


def test_a_reader_may_not_read_the_wire(client, wire):
    assert_problem(get(client, "/api/v1/wire/items", "reader"), 403)


def test_the_wire_needs_a_token(client, wire):
    assert_problem(client.get("/api/v1/wire/items"), 401)


def test_an_unknown_item_is_not_found(client, wire):
    assert_problem(get(client, "/api/v1/wire/items/999999"), 404)


def make_story(client, item_id, edition, username="editor"):
    return client.post(
        f"/api/v1/wire/items/{item_id}/story",
        {"edition": edition},
        content_type="application/json",
        **bearer(token_for(client, username)),
    )


def test_a_story_is_made_as_a_draft_in_the_chosen_edition(client, wire):
    response = make_story(client, wire["ninjs-1.json"], "es")
    story = ArticlePage.objects.get(pk=response.json()["id"])
    assert (response.status_code, story.live, story.get_parent().slug) == (201, False, "es")


def test_the_story_carries_the_items_anatomy(client, wire):
    story = ArticlePage.objects.get(pk=make_story(client, wire["ninjs-1.json"], "es").json()["id"])
    assert (
        story.title,
        story.standfirst,
        story.dateline_place,
        story.authors[0].name,
        story.authors[0].role,
        [block.block_type for block in story.body],
    ) == (
        "Ferry crews walk out at dawn in pay dispute",
        "Crossings to the islands are cancelled until further notice.",
        "Port Elm",
        "Ana Ruiz",
        "Harbour News Agency",
        ["paragraph", "subhead", "paragraph"],
    )


def test_a_reporter_may_not_make_a_story_in_another_edition(client, wire):
    assert_problem(make_story(client, wire["ninjs-1.json"], "es", "reporter"), 403)


def test_an_unknown_edition_is_named(client, wire):
    assert "zz" in assert_problem(make_story(client, wire["ninjs-1.json"], "zz"), 422)["detail"]


def test_a_draft_live_post_is_kept_unpublished(client, wire, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["cl"])
    response = client.post(
        f"/api/v1/wire/items/{wire['ninjs-2.json']}/livepost",
        {"blog": blog.pk},
        content_type="application/json",
        **bearer(token_for(client, "reporter")),
    )
    assert (
        response.status_code,
        LivePostDraft.objects.filter(blog=blog).count(),
        LivePost.objects.filter(blog=blog).count(),
    ) == (201, 1, 0)


def test_a_draft_live_post_needs_a_blog_the_person_may_post_in(client, wire, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["mx"])
    blog.save_revision().publish()
    response = client.post(
        f"/api/v1/wire/items/{wire['ninjs-2.json']}/livepost",
        {"blog": blog.pk},
        content_type="application/json",
        **bearer(token_for(client, "reporter")),
    )
    assert_problem(response, 403)
