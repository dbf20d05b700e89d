"""Hits come most relevant first: a word in the headline before a word in passing."""

from __future__ import annotations

from ..factories import ArticlePageFactory


def test_a_headline_match_ranks_above_a_body_match(client, newsroom):
    body = [{"type": "paragraph", "value": "<p>Sin noticias del granizo.</p>"}]
    ArticlePageFactory(parent=newsroom["es"], title="Apagón en Valdemar", body=body)
    ArticlePageFactory(parent=newsroom["es"], title="Granizo en Costa Alta")
    hits = client.get("/es/search/", {"q": "granizo"}).context["results"]
    assert [hit.story.title for hit in hits] == ["Granizo en Costa Alta", "Apagón en Valdemar"]


def test_every_word_searched_must_be_there(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Granizo en Costa Alta")
    ArticlePageFactory(parent=newsroom["es"], title="Granizo en Valdemar")
    hits = client.get("/es/search/", {"q": "granizo valdemar"}).context["results"]
    assert [hit.story.title for hit in hits] == ["Granizo en Valdemar"]
