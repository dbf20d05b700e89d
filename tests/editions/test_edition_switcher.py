"""Every page has an edition switcher and hreflang alternates for every edition."""

from __future__ import annotations

from bs4 import BeautifulSoup

from ..factories import ArticlePageFactory, TopicPageFactory


def alternates(client, url) -> dict[str, str]:
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        link["hreflang"]: link["href"]
        for link in page.select('head link[rel="alternate"][hreflang]')
    }


def switcher(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select("nav.edition-switcher a")


def test_front_page_has_alternates_for_every_edition_and_x_default(client, newsroom):
    assert alternates(client, "/cl/") == {
        "es-ES": "http://testserver/es/",
        "es-CL": "http://testserver/cl/",
        "en-US": "http://testserver/us/",
        "es-MX": "http://testserver/mx/",
        "x-default": "http://testserver/",
    }


def test_switcher_marks_the_current_edition(client, newsroom):
    current = [a.get_text(strip=True) for a in switcher(client, "/cl/") if a.get("aria-current")]
    assert current == ["Chile"]


def test_switcher_names_every_edition_in_its_own_language(client, newsroom):
    links = {a.get_text(strip=True): a["lang"] for a in switcher(client, "/es/")}
    assert links == {"España": "es-ES", "Chile": "es-CL", "USA": "en-US", "México": "es-MX"}


def test_topic_hub_alternates_point_at_the_same_topic_in_other_editions(client, newsroom):
    chile = TopicPageFactory(parent=newsroom["cl"], slug="storm-aurelia")
    TopicPageFactory(parent=newsroom["us"], slug="storm-aurelia", title="Storm Aurelia")
    links = alternates(client, chile.url)
    assert links["en-US"] == "http://testserver/us/storm-aurelia/"
    assert links["es-MX"] == "http://testserver/mx/"  # no hub there: its front page


def test_circulated_story_keeps_one_url_for_every_edition_it_runs_in(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"])
    story.circulated_to.add(newsroom["cl"])
    story.save()
    links = alternates(client, story.url)
    canonical = f"http://testserver{story.url}"
    assert links["es-ES"] == links["es-CL"] == canonical


def test_story_has_no_alternate_in_an_edition_where_no_version_of_it_runs(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"])
    assert "en-US" not in alternates(client, story.url)
