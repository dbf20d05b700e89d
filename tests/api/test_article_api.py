"""GET /api/v1/articles/{id}: an article's whole anatomy as structured fields."""

from __future__ import annotations

import pytest

from .support import assert_problem, bearer, token_for


@pytest.fixture
def article(client, desk):
    response = client.get(f"/api/v1/articles/{desk['lead'].pk}")
    assert response.status_code == 200, response.content
    return response.json()


def test_article_has_headline_standfirst_topic_and_byline(article, desk):
    assert article["headline"] == "Apagón en la costa"
    assert article["standfirst"] == "Miles de casas siguen sin luz."
    assert article["topic"]["title"] == "Tormenta Aurelia"
    assert article["topic"]["url"].endswith("/es/storm-aurelia/")
    assert article["bylines"] == [{"name": "Ana Ruiz", "role": "Corresponsal", "url": ""}]
    assert article["dateline"] == "Valdemar"
    assert article["edition"] == "es"


def test_article_lead_photo_carries_caption_credit_and_renditions(article):
    photo = article["lead_image"]
    assert photo["credit"] == "Marta Ibáñez / Sample Agency"
    assert photo["caption"] == "A flooded street."
    assert [r["width"] for r in photo["renditions"]] == [480, 800, 1200]
    assert all(r["url"].startswith("http://testserver/") for r in photo["renditions"])


def test_article_body_comes_as_typed_blocks(article):
    assert [block["type"] for block in article["body"]] == [
        "paragraph",
        "subhead",
        "quote",
        "image",
        "see_also",
        "embed",
    ]
    paragraph, subhead, quote, image, see_also, embed = article["body"]
    assert paragraph["html"] == "<p>La red cayó de madrugada.</p>"
    assert subhead["text"] == "Qué se sabe"
    assert quote == {"type": "quote", "text": "No hay luz.", "speaker": "Una vecina"}
    assert image["image"]["caption"] == "El puerto."
    assert see_also["label"] == "El río sube" and see_also["story"]["type"] == "article"
    assert embed["url"] == "https://example.com/video/1"


def test_article_lists_updates_corrections_related_stories_and_live_coverage(article, desk):
    assert [u["html"] for u in article["updates"]] == ["<p>Vuelve la luz al centro.</p>"]
    assert [c["html"] for c in article["corrections"]] == ["<p>El apagón empezó a las 3.</p>"]
    assert [story["id"] for story in article["related"]] == [desk["older"].pk]
    assert article["live_coverage"]["id"] == desk["blog"].pk
    assert article["comments"]["url"].endswith(f"/api/v1/stories/{desk['lead'].pk}/comments")
    assert article["first_published_at"] and article["last_updated"]


def test_see_also_to_a_story_readers_cannot_see_is_left_out(client, desk):
    desk["older"].unpublish()
    body = client.get(f"/api/v1/articles/{desk['lead'].pk}").json()
    assert "see_also" not in [block["type"] for block in body["body"]]
    assert body["related"] == []


def test_draft_scheduled_and_private_articles_are_not_found(client, desk):
    for story in desk["hidden"]:
        assert_problem(client.get(f"/api/v1/articles/{story.pk}"), 404)


def test_editor_token_reads_the_latest_draft_of_an_unpublished_article(client, desk, editor):
    draft = desk["hidden"][0]
    draft.title = "Borrador revisado"
    draft.save_revision()
    response = client.get(f"/api/v1/articles/{draft.pk}", **bearer(token_for(client, "editor")))
    assert response.status_code == 200
    assert response.json()["headline"] == "Borrador revisado"
    assert response.json()["published"] is False
    assert "private" in response["Cache-Control"]


def test_reporter_of_another_edition_cannot_read_a_draft(client, desk, reporter):
    draft = desk["hidden"][0]
    response = client.get(f"/api/v1/articles/{draft.pk}", **bearer(token_for(client, "reporter")))
    assert_problem(response, 404)


def test_live_blog_id_is_not_an_article(client, desk):
    assert_problem(client.get(f"/api/v1/articles/{desk['blog'].pk}"), 404)
