"""An embargoed story is hidden from readers through every door until its time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ..factories import ArticlePageFactory, TopicPageFactory


@pytest.fixture
def embargoed(newsroom):
    topic = TopicPageFactory(parent=newsroom["es"], slug="storm-aurelia")
    return ArticlePageFactory(
        parent=newsroom["es"],
        title="Informe embargado",
        topic=topic,
        embargo_until=timezone.now() + timedelta(hours=2),
    )


def lift(story):
    story.embargo_until = timezone.now() - timedelta(seconds=1)
    story.save(update_fields=["embargo_until"])


def test_embargoed_story_page_is_not_found(client, embargoed):
    assert client.get(embargoed.url).status_code == 404


def test_embargoed_story_is_on_no_front_page_hub_or_search(client, embargoed):
    assert "Informe embargado" not in client.get("/es/").content.decode()
    assert "Informe embargado" not in client.get("/es/storm-aurelia/").content.decode()
    assert list(client.get("/es/search/?q=embargado").context["results"]) == []


def test_embargoed_story_is_absent_from_the_api(client, embargoed):
    assert client.get(f"/api/v1/articles/{embargoed.pk}").status_code == 404
    assert client.get(f"/api/v1/stories/{embargoed.pk}").status_code == 404
    assert client.get("/api/v1/stories/").json()["items"] == []
    assert client.get(f"/api/v1/stories/{embargoed.pk}/comments").status_code == 404


def test_see_also_link_to_an_embargoed_story_is_not_shown(client, newsroom, embargoed):
    story = ArticlePageFactory(
        parent=newsroom["es"],
        body=[{"type": "see_also", "value": {"story": embargoed.pk, "label": "Embargada"}}],
    )
    assert "Embargada" not in client.get(story.url).content.decode()
    lift(embargoed)
    assert "Embargada" in client.get(story.url).content.decode()


def test_when_the_embargo_lifts_the_story_appears_everywhere_at_once(client, embargoed):
    lift(embargoed)
    assert client.get(embargoed.url).status_code == 200
    assert "Informe embargado" in client.get("/es/").content.decode()
    assert "Informe embargado" in client.get("/es/storm-aurelia/").content.decode()
    assert client.get(f"/api/v1/articles/{embargoed.pk}").status_code == 200
