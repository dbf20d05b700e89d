"""Each edition is its own front page, under its own URL prefix, in its own language."""

from __future__ import annotations

from bs4 import BeautifulSoup

from ..factories import ArticlePageFactory, TopicPageFactory


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_edition_front_page_is_served_under_its_prefix(client, newsroom):
    assert newsroom["cl"].url == "/cl/"
    page = soup(client.get("/cl/"))
    assert page.html["lang"] == "es-CL"


def test_front_page_leads_with_the_newest_story_of_the_edition(client, newsroom):
    older = ArticlePageFactory(parent=newsroom["cl"], title="Older story")
    newer = ArticlePageFactory(parent=newsroom["cl"], title="Newer story")
    page = soup(client.get("/cl/"))
    assert newer.title in page.select_one(".front-page__lead").get_text()
    assert older.title in page.select_one(".front-page__latest").get_text()


def test_front_page_leaves_out_other_editions_stories(client, newsroom):
    ArticlePageFactory(parent=newsroom["mx"], title="A Mexican story")
    assert "A Mexican story" not in client.get("/cl/").content.decode()


def test_front_page_leaves_out_unpublished_stories(client, newsroom):
    draft = ArticlePageFactory(parent=newsroom["cl"], title="Draft story")
    draft.unpublish()
    assert "Draft story" not in client.get("/cl/").content.decode()


def test_front_page_lists_the_edition_topics(client, newsroom):
    topic = TopicPageFactory(parent=newsroom["cl"], title="Tormenta Aurelia")
    link = soup(client.get("/cl/")).select_one(".topic-bar a")
    assert link.get_text(strip=True) == "Tormenta Aurelia"
    assert link["href"] == topic.url


def test_home_page_lists_every_edition(client, newsroom):
    page = soup(client.get("/"))
    links = {a["href"]: a["hreflang"] for a in page.select(".edition-list__name")}
    assert links == {"/es/": "es-ES", "/cl/": "es-CL", "/us/": "en-US", "/mx/": "es-MX"}


def test_spanish_editions_speak_spanish_and_english_ones_english(client, newsroom):
    assert "Ediciones" in client.get("/cl/").content.decode()
    assert "Editions" in client.get("/us/").content.decode()
