"""Editions, their front pages and topic hubs in the API."""

from __future__ import annotations

from .support import assert_problem


def test_editions_come_in_the_switchers_order(client, newsroom):
    items = client.get("/api/v1/editions/").json()["items"]
    assert [e["slug"] for e in items] == ["es", "cl", "us", "mx"]
    assert items[1] == {
        "id": newsroom["cl"].pk,
        "slug": "cl",
        "name": "Chile",
        "language": "es-CL",
        "time_zone": "America/Santiago",
        "tagline": "",
        "url": "http://testserver/cl/",
    }


def test_front_page_matches_the_page_order(client, desk):
    body = client.get("/api/v1/editions/es/front-page").json()
    page = client.get("/es/")
    assert body["lead_story"]["id"] == page.context["front"]["lead_story"].pk == desk["lead"].pk
    assert [s["id"] for s in body["top_stories"]] == [
        s.pk for s in page.context["front"]["top_stories"]
    ]
    assert [t["slug"] for t in body["topics"]] == ["storm-aurelia"]


def test_front_page_never_shows_hidden_stories(client, desk):
    body = client.get("/api/v1/editions/es/front-page").json()
    shown = {body["lead_story"]["id"], *(s["id"] for s in body["top_stories"])}
    assert shown.isdisjoint(story.pk for story in desk["hidden"])


def test_circulated_story_is_on_the_other_editions_front_page_with_its_one_url(client, desk):
    body = client.get("/api/v1/editions/cl/front-page").json()
    assert body["lead_story"]["id"] == desk["lead"].pk
    assert body["lead_story"]["url"].startswith("http://testserver/es/")
    assert body["lead_story"]["edition"] == "es"


def test_empty_edition_has_no_lead_story(client, newsroom):
    body = client.get("/api/v1/editions/mx/front-page").json()
    assert body["lead_story"] is None and body["top_stories"] == []


def test_unknown_or_unpublished_edition_is_not_found(client, newsroom):
    newsroom["mx"].unpublish()
    assert_problem(client.get("/api/v1/editions/atlantis"), 404)
    assert_problem(client.get("/api/v1/editions/mx/front-page"), 404)


def test_edition_topics_and_a_topic_hub_with_its_live_coverage(client, desk):
    topics = client.get("/api/v1/editions/es/topics").json()["items"]
    assert [t["title"] for t in topics] == ["Tormenta Aurelia"]
    hub = client.get(f"/api/v1/topics/{topics[0]['id']}").json()
    assert [blog["id"] for blog in hub["live_coverage"]] == [desk["blog"].pk]


def test_topic_stories_include_those_circulated_to_the_hubs_edition(client, desk):
    items = client.get(f"/api/v1/topics/{desk['cl_topic'].pk}/stories").json()["items"]
    assert [s["id"] for s in items] == [desk["lead"].pk]


def test_unknown_topic_is_not_found(client, desk):
    assert_problem(client.get("/api/v1/topics/999999"), 404)
    assert_problem(client.get("/api/v1/topics/999999/stories"), 404)
