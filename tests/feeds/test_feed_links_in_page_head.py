"""Every page's head announces the feeds it belongs to, so readers' apps find them."""

from __future__ import annotations

from ..factories import ArticlePageFactory, LiveBlogPageFactory
from .read import page

CHILE = [
    ("Chile — RSS", "application/rss+xml", "http://testserver/cl/rss.xml"),
    ("Chile — Atom", "application/atom+xml", "http://testserver/cl/atom.xml"),
    ("Chile — JSON Feed", "application/feed+json", "http://testserver/cl/feed.json"),
]
STORM_IN_CHILE = [
    (
        "Tormenta Aurelia (Chile) — RSS",
        "application/rss+xml",
        "http://testserver/cl/storm-aurelia/rss.xml",
    ),
    (
        "Tormenta Aurelia (Chile) — Atom",
        "application/atom+xml",
        "http://testserver/cl/storm-aurelia/atom.xml",
    ),
    (
        "Tormenta Aurelia (Chile) — JSON Feed",
        "application/feed+json",
        "http://testserver/cl/storm-aurelia/feed.json",
    ),
]


def feed_links(client, url) -> list[tuple[str, str, str]]:
    head = page(client, url).head
    return [
        (link["title"], link["type"], link["href"])
        for link in head.select('link[rel="alternate"][type]')
    ]


def test_front_page_links_its_editions_feeds(client, newsroom):
    assert feed_links(client, "/cl/") == CHILE


def test_topic_hub_links_its_edition_and_topic_feeds(client, storm):
    assert feed_links(client, storm.url) == CHILE + STORM_IN_CHILE


def test_story_with_a_topic_links_the_topics_feeds_too(client, article):
    assert feed_links(client, article.url) == CHILE + STORM_IN_CHILE


def test_live_blog_links_its_feeds(client, newsroom, storm):
    blog = LiveBlogPageFactory(parent=newsroom["cl"], topic=storm)
    assert feed_links(client, blog.url) == CHILE + STORM_IN_CHILE


def test_story_without_a_topic_links_its_editions_feeds(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["cl"])
    assert feed_links(client, story.url) == CHILE


def test_home_page_links_each_editions_rss_feed(client, newsroom):
    assert [href for _, _, href in feed_links(client, "/")] == [
        "http://testserver/es/rss.xml",
        "http://testserver/cl/rss.xml",
        "http://testserver/us/rss.xml",
        "http://testserver/mx/rss.xml",
    ]


def test_every_announced_feed_is_served_as_announced(client, article):
    for _, kind, href in feed_links(client, article.url):
        response = client.get(href.removeprefix("http://testserver"))
        assert response.status_code == 200
        assert response["Content-Type"].startswith(kind)
