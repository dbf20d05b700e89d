"""An article's and a live blog's versions in other languages, in the API."""

from __future__ import annotations

from dateline.articles.actions import do_link_translation

from ..articles.translations import spanish_and_english
from ..factories import LiveBlogPageFactory


def test_an_article_lists_its_versions_in_other_languages(client, newsroom):
    spanish, english = spanish_and_english(newsroom)
    body = client.get(f"/api/v1/articles/{spanish.pk}").json()
    assert body["translations"] == [
        {
            "id": english.pk,
            "language": "en-US",
            "edition": "us",
            "url": f"http://testserver{english.url}",
        }
    ]


def test_an_unpublished_version_is_not_listed(client, newsroom):
    spanish, english = spanish_and_english(newsroom)
    english.unpublish()
    assert client.get(f"/api/v1/articles/{spanish.pk}").json()["translations"] == []


def test_a_live_blog_lists_its_twin(client, newsroom):
    spanish = LiveBlogPageFactory(parent=newsroom["es"])
    english = LiveBlogPageFactory(parent=newsroom["us"])
    do_link_translation(spanish, english)
    body = client.get(f"/api/v1/liveblogs/{english.pk}").json()
    assert [(t["id"], t["language"]) for t in body["translations"]] == [(spanish.pk, "es-ES")]
