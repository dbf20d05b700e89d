"""Whatever a reader types is answered cleanly: words are searched, the rest ignored."""

from __future__ import annotations

import pytest

from ..factories import ArticlePageFactory

HOSTILE = [
    "Valdemar" + " x" * 5000,
    'Valdemar NEAR("a" "b")',
    "{title text} : Valdemar",
    "language : spanish AND Valdemar",
    "Valdemar & !foo | bar <-> baz:*",
    "Valdemar\ue000\ue001",
    "Valdemar ' ; DROP TABLE articles_searchentry; --",
]


@pytest.mark.parametrize("terms", HOSTILE)
def test_operators_of_either_engine_are_plain_words(client, newsroom, terms):
    ArticlePageFactory(parent=newsroom["es"], title="Apagón en Valdemar")
    response = client.get("/es/search/", {"q": terms[:200]})
    assert response.status_code == 200


def test_a_huge_query_is_cut_not_refused(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Apagón en Valdemar")
    hits = client.get("/es/search/", {"q": "Valdemar " * 20_000}).context["results"]
    assert [hit.story.title for hit in hits] == ["Apagón en Valdemar"]


def test_a_search_for_the_marks_only_finds_nothing(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Apagón en Valdemar")
    assert list(client.get("/es/search/", {"q": "\ue000"}).context["results"]) == []
