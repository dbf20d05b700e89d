"""Story lists in the API: newest first, filtered by edition and topic, paged by cursor."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from ..factories import ArticlePageFactory
from .support import assert_problem


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_stories_come_newest_first_without_hidden_ones(client, desk):
    assert ids(client.get("/api/v1/stories/")) == [
        desk["lead"].pk,
        desk["blog"].pk,
        desk["older"].pk,
    ]


def test_a_card_says_whether_the_story_is_an_article_or_a_live_blog(client, desk):
    items = client.get("/api/v1/stories/").json()["items"]
    assert [item["type"] for item in items] == ["article", "liveblog", "article"]


def test_edition_filter_includes_stories_circulated_to_it(client, desk):
    assert ids(client.get("/api/v1/stories/?edition=cl")) == [desk["lead"].pk]


def test_topic_filter_matches_the_topic_in_every_edition(client, desk):
    ArticlePageFactory(parent=desk["es"], title="Otro tema")
    assert len(ids(client.get("/api/v1/stories/?topic=storm-aurelia"))) == 3


def test_cursor_pages_through_every_story_once(client, newsroom):
    moment = timezone.now()
    # Equal publication times: the id breaks the tie, so none repeats or goes missing.
    stories = [
        ArticlePageFactory(
            parent=newsroom["es"], first_published_at=moment - timedelta(hours=i // 2)
        )
        for i in range(7)
    ]
    seen, url = [], "/api/v1/stories/?limit=3"
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["items"]]
        url = f"/api/v1/stories/?limit=3&cursor={body['next']}" if body["next"] else None
    assert sorted(seen) == sorted(s.pk for s in stories) and len(seen) == len(set(seen))


def test_a_story_published_while_paging_does_not_shift_the_pages(client, desk):
    first = client.get("/api/v1/stories/?limit=2").json()
    ArticlePageFactory(parent=desk["es"], title="De última hora")
    rest = client.get(f"/api/v1/stories/?limit=2&cursor={first['next']}").json()
    assert [item["id"] for item in rest["items"]] == [desk["older"].pk]
    assert rest["next"] is None


def test_malformed_cursor_is_a_problem(client, desk):
    for cursor in ("banana", "W10", "WyJ4IiwxXQ", "%00"):
        assert_problem(client.get(f"/api/v1/stories/?cursor={cursor}"), 400)


def test_page_size_out_of_range_is_a_problem(client, desk):
    for limit in ("0", "101", "-1", "ten"):
        assert_problem(client.get(f"/api/v1/stories/?limit={limit}"), 400)


def test_unknown_query_parameter_is_a_problem_naming_the_known_ones(client, desk):
    body = assert_problem(client.get("/api/v1/stories/?editon=cl"), 400)
    assert "editon" in body["detail"] and "edition" in body["detail"]


def test_unknown_edition_is_not_found(client, desk):
    assert_problem(client.get("/api/v1/stories/?edition=atlantis"), 404)


def test_story_card_by_id(client, desk):
    body = client.get(f"/api/v1/stories/{desk['blog'].pk}").json()
    assert body["type"] == "liveblog" and body["headline"] == "Tormenta Aurelia, en directo"


def test_hidden_story_card_is_not_found(client, desk):
    for story in desk["hidden"]:
        assert_problem(client.get(f"/api/v1/stories/{story.pk}"), 404)


def test_any_cursor_the_document_allows_is_a_position_in_the_list(client, desk):
    for cursor in ("0_0", "9999999999999999_999999999999999999", "1_1"):
        assert client.get(f"/api/v1/stories/?cursor={cursor}").status_code == 200
