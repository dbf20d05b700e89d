"""Each edition's newest stories as RSS 2.0 and Atom, as a feed reader sees them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.articles.models import ArticleUpdate
from dateline.feeds.items import FEED_LENGTH
from dateline.live import actions

from ..factories import (
    ArticlePageFactory,
    AuthorFactory,
    LiveBlogPageFactory,
    PhotoFactory,
    add_byline,
)
from .read import feed, meta, moment, page, text, titles, to_the_second

FORMATS = ["rss.xml", "atom.xml"]


@pytest.mark.parametrize("name", FORMATS)
def test_item_says_what_the_story_page_shows(client, article, name):
    entry = feed(client, f"/cl/{name}").entries[0]
    story = page(client, article.url)
    assert entry.title == story.h1.get_text(strip=True)
    assert entry.link == story.find("link", rel="canonical")["href"]
    assert text(entry.summary) == story.select_one(".article__standfirst").get_text(strip=True)
    published = datetime.fromisoformat(story.select_one(".story-times time")["datetime"])
    assert moment(entry.published_parsed) == to_the_second(published)
    assert [a.name for a in entry.authors] == ["Lucía Ferrer", "Tomás Vidal"]
    assert [tag.term for tag in entry.tags] == ["Tormenta Aurelia"]
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    assert enclosure.href == meta(story, "og:image")
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0


def test_rss_carries_the_photo_with_its_credit(client, article):
    entry = feed(client, "/cl/rss.xml").entries[0]
    assert entry.media_content[0]["width"] == "1200"
    assert entry.media_credit[0]["content"] == "Marta Ibáñez / Sample Agency"


def test_atom_updated_date_follows_a_new_update(client, article):
    later = timezone.now()
    ArticleUpdate.objects.create(
        article=article, text="<p>The river is falling.</p>", published_at=later
    )
    entry = feed(client, "/cl/atom.xml").entries[0]
    assert moment(entry.updated_parsed) == to_the_second(later)
    assert moment(entry.published_parsed) == to_the_second(article.first_published_at)


@pytest.mark.parametrize("name", FORMATS)
def test_feed_speaks_the_editions_language(client, newsroom, name):
    chile, usa = feed(client, f"/cl/{name}").feed, feed(client, f"/us/{name}").feed
    assert chile.language == "es-CL"
    assert chile.title == "Dateline Chile"
    assert text(chile.subtitle) == "Últimas noticias de Dateline Chile"
    assert usa.language == "en-US"
    assert text(usa.subtitle) == "Latest stories from Dateline USA"


@pytest.mark.parametrize("name", FORMATS)
def test_feed_links_to_the_front_page_and_to_itself(client, newsroom, name):
    parsed = feed(client, f"/cl/{name}").feed
    links = {link.rel: link.href for link in parsed.links}
    assert links["alternate"] == "http://testserver/cl/"
    assert links["self"] == f"http://testserver/cl/{name}"


def test_feed_uses_the_public_origin_when_configured(client, article, settings):
    settings.BASE_URL = "https://news.example.com"
    entry = feed(client, "/cl/rss.xml").entries[0]
    assert entry.link == f"https://news.example.com{article.url}"
    assert next(link for link in entry.links if link.rel == "enclosure").href.startswith(
        "https://news.example.com/media/"
    )


@pytest.mark.parametrize("name", FORMATS)
def test_stories_readers_may_not_see_are_not_in_the_feed(client, article, hidden, name):
    assert titles(feed(client, f"/cl/{name}")) == [article.title]


@pytest.mark.parametrize("name", FORMATS)
def test_circulated_story_is_in_the_other_editions_feed_with_its_one_url(
    client, newsroom, article, name
):
    article.circulated_to.add(newsroom["es"])
    article.save()
    entry = feed(client, f"/es/{name}").entries[0]
    assert entry.link == f"http://testserver{article.url}"
    assert entry.link.startswith("http://testserver/cl/")


def test_another_editions_stories_are_not_in_the_feed(client, newsroom, article):
    assert titles(feed(client, "/es/rss.xml")) == []


def test_live_blogs_are_in_the_feed_newest_first(client, newsroom, article):
    blog = LiveBlogPageFactory(parent=newsroom["cl"], title="Storm: live")
    assert titles(feed(client, "/cl/rss.xml")) == [blog.title, article.title]


def test_feed_holds_the_newest_fifty_stories(client, newsroom):
    start = timezone.now() - timedelta(days=1)
    for n in range(FEED_LENGTH + 2):
        ArticlePageFactory(
            parent=newsroom["cl"],
            title=f"Story {n}",
            first_published_at=start + timedelta(minutes=n),
        )
    listed = titles(feed(client, "/cl/rss.xml"))
    assert len(listed) == FEED_LENGTH
    assert listed[0] == f"Story {FEED_LENGTH + 1}"
    assert "Story 0" not in listed


def test_item_id_survives_a_change_of_url(client, article):
    before = feed(client, "/cl/atom.xml").entries[0]
    article.slug = "rio-claro"
    article.save_revision().publish()
    after = feed(client, "/cl/atom.xml").entries[0]
    assert after.link != before.link
    assert after.id == before.id


@pytest.mark.parametrize("url", ["/xx/rss.xml", "/xx/atom.xml", "/xx/feed.json"])
def test_unknown_edition_has_no_feed(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_unpublished_edition_has_no_feed(client, newsroom):
    newsroom["mx"].unpublish()
    assert client.get("/mx/rss.xml").status_code == 404


def test_a_feed_costs_the_same_queries_however_many_stories(client, newsroom, reporter):
    def add_stories(count):
        for _ in range(count):
            article = ArticlePageFactory(parent=newsroom["cl"], lead_image=PhotoFactory())
            add_byline(article, AuthorFactory())
            blog = LiveBlogPageFactory(parent=newsroom["cl"], lead_image=PhotoFactory())
            actions.check_publish_post(blog, reporter, "The bridge is shut.")

    def queries():
        # The first reads make the photos' renditions and the newsroom's settings,
        # and build what every page shares until the next publication.
        client.get("/cl/rss.xml")
        client.get("/cl/rss.xml")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/cl/rss.xml").status_code == 200
        return len(captured)

    add_stories(1)
    few = queries()
    add_stories(4)
    assert queries() == few
