"""On a story, the edition switcher and hreflang lead each edition to its own version."""

from __future__ import annotations

from bs4 import BeautifulSoup

from ..articles.translations import spanish_and_english
from ..factories import ArticlePageFactory


def html(client, url) -> BeautifulSoup:
    return BeautifulSoup(client.get(url).content, "html.parser")


def switcher(client, url) -> dict[str, str]:
    return {
        a.get_text(strip=True): a["href"] for a in html(client, url).select(".edition-switcher a")
    }


def current(client, url) -> list[str]:
    links = html(client, url).select(".edition-switcher a[aria-current]")
    return [a.get_text(strip=True) for a in links]


def alternates(client, url) -> dict[str, str]:
    links = html(client, url).select('head link[rel="alternate"][hreflang]')
    return {link["hreflang"]: link["href"] for link in links}


def test_switching_to_usa_on_the_spanish_story_leads_to_its_english_version(client, newsroom):
    spanish, english = spanish_and_english(newsroom)
    assert switcher(client, spanish.url)["USA"] == english.url


def test_switching_to_spain_on_the_english_story_leads_to_its_spanish_version(client, newsroom):
    spanish, english = spanish_and_english(newsroom)
    assert switcher(client, english.url)["España"] == spanish.url


def test_switching_to_usa_on_a_story_without_an_english_version_leads_to_the_front_page(
    client, newsroom
):
    story = ArticlePageFactory(parent=newsroom["es"])
    assert switcher(client, story.url)["USA"] == "/us/"


def test_an_unpublished_version_is_not_offered(client, newsroom):
    spanish, english = spanish_and_english(newsroom)
    english.unpublish()
    assert switcher(client, spanish.url)["USA"] == "/us/"


def test_switching_to_an_edition_a_story_is_circulated_to_keeps_the_story(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"])
    story.circulated_to.add(newsroom["cl"])
    story.save()
    assert switcher(client, story.url)["Chile"] == f"{story.url}?edition=cl"


def test_the_edition_a_reader_came_from_is_marked_current_on_a_circulated_story(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"])
    story.circulated_to.add(newsroom["cl"])
    story.save()
    assert current(client, f"{story.url}?edition=cl") == ["Chile"]


def test_an_edition_the_story_does_not_run_in_is_not_marked_current(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"])
    assert current(client, f"{story.url}?edition=mx") == ["España"]


def test_a_circulated_story_keeps_its_one_canonical_url(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"])
    story.circulated_to.add(newsroom["cl"])
    story.save()
    page = html(client, f"{story.url}?edition=cl")
    assert page.select_one('link[rel="canonical"]')["href"] == f"http://testserver{story.url}"


def test_a_circulated_story_keeps_its_own_language(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"])
    story.circulated_to.add(newsroom["cl"])
    story.save()
    assert html(client, f"{story.url}?edition=cl").html["lang"] == "es-ES"


def test_hreflang_points_at_the_english_version(client, newsroom):
    spanish, english = spanish_and_english(newsroom)
    assert alternates(client, spanish.url)["en-US"] == f"http://testserver{english.url}"


def test_hreflang_keeps_x_default(client, newsroom):
    spanish, _english = spanish_and_english(newsroom)
    assert alternates(client, spanish.url)["x-default"] == "http://testserver/"


def test_a_card_of_a_circulated_story_keeps_the_reader_in_the_edition(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"], title="Circulated to Chile")
    story.circulated_to.add(newsroom["cl"])
    story.save()
    cards = html(client, "/cl/").select(".story-card__headline a")
    assert [a["href"] for a in cards] == [f"{story.url}?edition=cl"]
