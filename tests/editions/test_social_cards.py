"""Every kind of page has a canonical URL, Open Graph and Twitter card tags."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from ..factories import ArticlePageFactory, LiveBlogPageFactory, PhotoFactory, TopicPageFactory


def page(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(head: BeautifulSoup, key: str) -> str | None:
    tag = head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


@pytest.fixture
def pages(newsroom) -> dict:
    """One page of each kind, in Chile unless it is the home page."""
    home = newsroom["home"]
    home.intro = "News from every edition."
    home.save()
    chile = newsroom["cl"]
    chile.tagline = "Noticias de Chile."
    chile.save()
    topic = TopicPageFactory(parent=chile, intro="Todo sobre la tormenta.")
    return {
        "home": (home, "website", "en", None),
        "edition": (chile, "website", "es_CL", None),
        "topic": (topic, "website", "es_CL", None),
        "article": (
            ArticlePageFactory(parent=chile, topic=topic, lead_image=PhotoFactory()),
            "article",
            "es_CL",
            "photo",
        ),
        "live blog": (
            LiveBlogPageFactory(parent=newsroom["us"], lead_image=PhotoFactory()),
            "article",
            "en_US",
            "photo",
        ),
    }


@pytest.mark.parametrize("kind", ["home", "edition", "topic", "article", "live blog"])
def test_page_has_canonical_url_open_graph_and_twitter_card(client, pages, kind):
    subject, og_type, locale, photo = pages[kind]
    head = page(client, subject.url)
    url = f"http://testserver{subject.url}"
    description = head.find("meta", attrs={"name": "description"})["content"]
    assert head.find("link", rel="canonical")["href"] == url
    assert meta(head, "og:url") == url
    assert meta(head, "og:title") == subject.title
    assert meta(head, "og:description") == description != ""
    assert meta(head, "og:type") == og_type
    assert meta(head, "og:locale") == locale
    assert meta(head, "twitter:title") == subject.title
    assert meta(head, "twitter:description") == description
    if photo:
        assert meta(head, "og:image") == meta(head, "twitter:image")
        assert meta(head, "og:image").startswith("http://testserver/media/")
        assert meta(head, "og:image:width") == "1200"
        assert meta(head, "twitter:card") == "summary_large_image"
    else:
        assert meta(head, "og:image") is None
        assert meta(head, "twitter:card") == "summary"


def test_description_is_the_editors_search_description_when_given(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["cl"], search_description="For search results.")
    head = page(client, story.url)
    assert meta(head, "og:description") == "For search results."


def test_live_blog_says_when_it_was_published_and_updated(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["cl"])
    head = page(client, blog.url)
    assert meta(head, "article:published_time")
    assert meta(head, "article:modified_time")
