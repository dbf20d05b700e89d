"""Every page's <title> names the page, then the publisher: once, never twice."""

from __future__ import annotations

from bs4 import BeautifulSoup

from ..factories import ArticlePageFactory


def title_of(client, url) -> str:
    return BeautifulSoup(client.get(url).content, "html.parser").title.get_text()


def test_a_home_page_named_after_the_publisher_names_it_once(client, newsroom):
    home = newsroom["home"]
    home.title = "Dateline"
    home.save_revision().publish()
    assert title_of(client, "/") == "Dateline"


def test_a_story_is_titled_with_its_headline_and_the_publisher(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["cl"], title="Storm cuts power")
    assert title_of(client, story.url) == "Storm cuts power | Dateline"


def test_an_account_page_is_titled_with_its_name_and_the_publisher(client, db):
    assert title_of(client, "/accounts/login/") == "Sign In | Dateline"
