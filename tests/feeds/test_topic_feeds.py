"""A topic hub's stories in one edition, as RSS, Atom and JSON Feed."""

from __future__ import annotations

import pytest

from ..factories import ArticlePageFactory, TopicPageFactory
from .read import feed, text, titles

FORMATS = ["rss.xml", "atom.xml"]


@pytest.mark.parametrize("name", FORMATS)
def test_topic_feed_lists_only_the_topics_stories(client, newsroom, article, name):
    ArticlePageFactory(parent=newsroom["cl"], title="Off topic")
    parsed = feed(client, f"/cl/storm-aurelia/{name}")
    assert titles(parsed) == [article.title]
    assert parsed.feed.title == "Tormenta Aurelia — Dateline Chile"
    assert parsed.feed.language == "es-CL"


def test_topic_feed_describes_itself_in_the_editions_language(client, article):
    parsed = feed(client, "/cl/storm-aurelia/rss.xml")
    assert text(parsed.feed.subtitle) == "Últimas noticias sobre Tormenta Aurelia de Dateline Chile"


def test_topic_feed_links_to_the_hub(client, article, storm):
    links = {link.rel: link.href for link in feed(client, "/cl/storm-aurelia/atom.xml").feed.links}
    assert links["alternate"] == f"http://testserver{storm.url}"
    assert links["self"] == "http://testserver/cl/storm-aurelia/atom.xml"


def test_story_circulated_on_the_topic_is_in_the_other_editions_topic_feed(client, newsroom, storm):
    spain = TopicPageFactory(parent=newsroom["es"], slug="storm-aurelia")
    story = ArticlePageFactory(parent=newsroom["es"], topic=spain, title="From Madrid")
    ArticlePageFactory(parent=newsroom["es"], topic=spain, title="Spain only")
    story.circulated_to.add(newsroom["cl"])
    story.save()
    entries = feed(client, "/cl/storm-aurelia/rss.xml").entries
    assert [(e.title, e.link) for e in entries] == [
        ("From Madrid", f"http://testserver{story.url}")
    ]


def test_stories_readers_may_not_see_are_not_in_the_topic_feed(client, article, hidden):
    for name in ["rss.xml", "atom.xml"]:
        assert titles(feed(client, f"/cl/storm-aurelia/{name}")) == [article.title]
    items = client.get("/cl/storm-aurelia/feed.json").json()["items"]
    assert [item["title"] for item in items] == [article.title]


@pytest.mark.parametrize("name", [*FORMATS, "feed.json"])
def test_unknown_topic_has_no_feed(client, storm, name):
    assert client.get(f"/cl/no-such-topic/{name}").status_code == 404


def test_unpublished_topic_has_no_feed(client, storm):
    storm.unpublish()
    assert client.get("/cl/storm-aurelia/rss.xml").status_code == 404


def test_topic_of_another_edition_has_no_feed_here(client, newsroom, storm):
    TopicPageFactory(parent=newsroom["es"], slug="wildfires")
    assert client.get("/cl/wildfires/rss.xml").status_code == 404
    assert client.get("/es/wildfires/rss.xml").status_code == 200


def test_topic_feed_of_an_unknown_edition_is_not_found(client, storm):
    assert client.get("/xx/storm-aurelia/rss.xml").status_code == 404
