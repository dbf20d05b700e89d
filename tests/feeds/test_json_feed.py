"""The same feeds as JSON Feed 1.1, for apps that would rather not parse XML."""

from __future__ import annotations

from datetime import datetime

from .read import feed, meta, page


def json_feed(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/feed+json"
    return response.json()


def test_json_feed_has_what_the_specification_requires(client, article):
    data = json_feed(client, "/cl/feed.json")
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] == "Dateline Chile"
    assert data["home_page_url"] == "http://testserver/cl/"
    assert data["feed_url"] == "http://testserver/cl/feed.json"
    assert data["language"] == "es-CL"
    for item in data["items"]:
        assert item["id"]
        # JSON Feed requires content_text or content_html; Dateline's content is text.
        assert "content_text" in item


def test_json_item_says_what_the_story_page_shows(client, article):
    item = json_feed(client, "/cl/feed.json")["items"][0]
    story = page(client, article.url)
    assert item["title"] == story.h1.get_text(strip=True)
    assert item["url"] == story.find("link", rel="canonical")["href"]
    assert item["summary"] == article.standfirst
    assert item["image"] == meta(story, "og:image")
    assert item["authors"] == [{"name": "Lucía Ferrer"}, {"name": "Tomás Vidal"}]
    assert item["tags"] == ["Tormenta Aurelia"]
    assert datetime.fromisoformat(item["date_published"]) == article.first_published_at
    assert datetime.fromisoformat(item["date_modified"]) == article.last_updated


def test_json_items_are_the_rss_items(client, article, newsroom):
    rss = feed(client, "/cl/rss.xml").entries
    items = json_feed(client, "/cl/feed.json")["items"]
    assert [(i["id"], i["url"]) for i in items] == [(e.id, e.link) for e in rss]


def test_stories_readers_may_not_see_are_not_in_the_json_feed(client, article, hidden):
    items = json_feed(client, "/cl/feed.json")["items"]
    assert [item["title"] for item in items] == [article.title]
