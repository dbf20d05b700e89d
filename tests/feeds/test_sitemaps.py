"""The sitemap index and one sitemap per edition, with hreflang alternates."""

from __future__ import annotations

from datetime import datetime

from dateline.feeds import sitemaps

from ..articles.translations import spanish_and_english
from ..factories import ArticlePageFactory, TopicPageFactory
from .read import SITEMAP, alternates, sitemap_urls, xml


def index(client) -> list[str]:
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{SITEMAP}sitemapindex"
    return [sitemap.findtext(f"{SITEMAP}loc") for sitemap in root.findall(f"{SITEMAP}sitemap")]


def test_index_points_at_one_sitemap_per_edition(client, newsroom):
    assert index(client) == [
        "http://testserver/sitemaps/es.xml",
        "http://testserver/sitemaps/cl.xml",
        "http://testserver/sitemaps/us.xml",
        "http://testserver/sitemaps/mx.xml",
    ]


def test_index_leaves_out_an_unpublished_edition(client, newsroom):
    newsroom["mx"].unpublish()
    assert "http://testserver/sitemaps/mx.xml" not in index(client)
    assert client.get("/sitemaps/mx.xml").status_code == 404


def test_every_sitemap_in_the_index_is_served(client, article):
    for url in index(client):
        assert xml(client, url.removeprefix("http://testserver")).tag == f"{SITEMAP}urlset"


def test_edition_sitemap_lists_front_page_hubs_and_homed_stories(client, newsroom, article):
    other = ArticlePageFactory(parent=newsroom["es"], title="Spain only")
    other.circulated_to.add(newsroom["cl"])
    other.save()
    urls = sitemap_urls(xml(client, "/sitemaps/cl.xml"))
    assert set(urls) == {
        "http://testserver/cl/",
        "http://testserver/cl/storm-aurelia/",
        f"http://testserver{article.url}",
    }  # a circulated story is listed once, at its one URL in its home edition


def test_story_lastmod_is_its_last_update(client, article):
    url = sitemap_urls(xml(client, "/sitemaps/cl.xml"))[f"http://testserver{article.url}"]
    assert datetime.fromisoformat(url.findtext(f"{SITEMAP}lastmod")) == article.last_updated


def test_front_page_alternates_are_every_editions_front_page_and_x_default(client, newsroom):
    url = sitemap_urls(xml(client, "/sitemaps/cl.xml"))["http://testserver/cl/"]
    assert alternates(url) == {
        "es-ES": "http://testserver/es/",
        "es-CL": "http://testserver/cl/",
        "en-US": "http://testserver/us/",
        "es-MX": "http://testserver/mx/",
        "x-default": "http://testserver/",
    }


def test_front_page_lastmod_is_when_its_newest_story_appeared(client, article):
    url = sitemap_urls(xml(client, "/sitemaps/cl.xml"))["http://testserver/cl/"]
    assert datetime.fromisoformat(url.findtext(f"{SITEMAP}lastmod")) == article.first_published_at


def test_hub_alternates_are_the_same_topics_hubs_in_other_editions(client, newsroom, storm):
    TopicPageFactory(parent=newsroom["us"], slug="storm-aurelia", title="Storm Aurelia")
    url = sitemap_urls(xml(client, "/sitemaps/cl.xml"))["http://testserver/cl/storm-aurelia/"]
    assert alternates(url) == {
        "es-CL": "http://testserver/cl/storm-aurelia/",
        "en-US": "http://testserver/us/storm-aurelia/",
    }


def test_story_alternates_are_its_one_url_in_each_edition_it_runs_in(client, newsroom, article):
    article.circulated_to.add(newsroom["us"], newsroom["mx"])
    article.save()
    newsroom["mx"].unpublish()
    canonical = f"http://testserver{article.url}"
    url = sitemap_urls(xml(client, "/sitemaps/cl.xml"))[canonical]
    assert alternates(url) == {"es-CL": canonical, "en-US": canonical}


def test_stories_readers_may_not_see_are_not_in_the_sitemap(client, article, hidden):
    urls = sitemap_urls(xml(client, "/sitemaps/cl.xml"))
    assert f"http://testserver{article.url}" in urls
    for story in hidden:
        assert f"http://testserver{story.url}" not in urls


def test_a_large_edition_is_split_into_pages(client, newsroom, article, settings):
    settings.SITEMAP_MAX_URLS = 2  # 1,000 in production
    ArticlePageFactory(parent=newsroom["cl"], title="Second story")
    # Front page, hub and two stories: two pages of two.
    assert index(client)[1:3] == [
        "http://testserver/sitemaps/cl.xml",
        "http://testserver/sitemaps/cl.xml?p=2",
    ]
    first = sitemap_urls(xml(client, "/sitemaps/cl.xml"))
    second = sitemap_urls(xml(client, "/sitemaps/cl.xml?p=2"))
    assert list(first) == ["http://testserver/cl/", "http://testserver/cl/storm-aurelia/"]
    assert len(second) == 2
    assert f"http://testserver{article.url}" in second


def test_a_page_past_the_end_is_not_found(client, article):
    assert client.get("/sitemaps/cl.xml?p=2").status_code == 404
    assert client.get("/sitemaps/cl.xml?p=0").status_code == 404
    assert client.get("/sitemaps/cl.xml?p=two").status_code == 404


def test_unknown_edition_has_no_sitemap(client, newsroom):
    assert client.get("/sitemaps/xx.xml").status_code == 404


def test_sitemaps_are_not_search_results_themselves(client, newsroom):
    assert client.get("/sitemaps/cl.xml")["X-Robots-Tag"] == "noindex"


def test_every_story_is_listed_once_across_pages_and_batches(
    client, newsroom, article, settings, monkeypatch
):
    settings.SITEMAP_MAX_URLS = 4
    monkeypatch.setattr(sitemaps, "BATCH", 2)  # 1,000 in production
    stories = [article, *(ArticlePageFactory(parent=newsroom["cl"]) for _ in range(6))]
    listed = []  # nine URLs: pages of 4, 4 and 1
    for number in (1, 2, 3):
        listed += sitemap_urls(xml(client, f"/sitemaps/cl.xml?p={number}"))
    expected = {"http://testserver/cl/", "http://testserver/cl/storm-aurelia/"}
    expected |= {f"http://testserver{story.url}" for story in stories}
    assert sorted(listed) == sorted(expected)
    assert client.get("/sitemaps/cl.xml?p=4").status_code == 404


def test_story_alternates_include_its_versions_in_other_languages(client, newsroom):
    spanish, english = spanish_and_english(newsroom)
    canonical = f"http://testserver{spanish.url}"
    url = sitemap_urls(xml(client, "/sitemaps/es.xml"))[canonical]
    assert alternates(url) == {"es-ES": canonical, "en-US": f"http://testserver{english.url}"}
