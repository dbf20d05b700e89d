"""Google News' sitemap: every edition's stories of the last 48 hours."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from dateline.editions.models import NewsroomSettings

from ..factories import ArticlePageFactory, LiveBlogPageFactory
from .read import NEWS, SITEMAP, sitemap_urls, xml


def news(client) -> dict:
    root = xml(client, "/sitemaps/news.xml")
    assert root.tag == f"{SITEMAP}urlset"
    return sitemap_urls(root)


def test_story_carries_publication_language_date_and_title(client, article):
    NewsroomSettings.objects.update_or_create(defaults={"publisher_name": "El Diario"})
    entry = news(client)[f"http://testserver{article.url}"].find(f"{NEWS}news")
    assert entry.findtext(f"{NEWS}publication/{NEWS}name") == "El Diario"
    assert entry.findtext(f"{NEWS}publication/{NEWS}language") == "es"
    assert entry.findtext(f"{NEWS}title") == article.title
    published = datetime.fromisoformat(entry.findtext(f"{NEWS}publication_date"))
    assert published == article.first_published_at


def test_language_is_the_iso_639_code_of_the_home_edition(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["us"])
    entry = news(client)[f"http://testserver{story.url}"]
    assert entry.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") == "en"


def test_stories_of_every_edition_newest_first_live_blogs_included(client, newsroom, article):
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    assert list(news(client)) == [
        f"http://testserver{blog.url}",
        f"http://testserver{article.url}",
    ]


def test_a_story_older_than_48_hours_is_left_out(client, newsroom, article):
    old = ArticlePageFactory(
        parent=newsroom["cl"], first_published_at=timezone.now() - timedelta(hours=49)
    )
    urls = news(client)
    assert f"http://testserver{article.url}" in urls
    assert f"http://testserver{old.url}" not in urls


def test_stories_readers_may_not_see_are_left_out(client, article, hidden):
    assert list(news(client)) == [f"http://testserver{article.url}"]
