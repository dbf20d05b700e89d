"""Readers search an edition's stories; nothing they may not see is ever found."""

from __future__ import annotations

from wagtail.models import PageViewRestriction

from ..factories import ArticlePageFactory


def test_reader_finds_a_published_story_by_its_words(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Apagón en Valdemar")
    ArticlePageFactory(parent=newsroom["es"], title="Otra noticia")
    response = client.get("/es/search/?q=Valdemar")
    assert response.status_code == 200
    assert [hit.story.title for hit in response.context["results"]] == ["Apagón en Valdemar"]
    assert response["Content-Language"] == "es-ES"


def test_search_never_finds_drafts_scheduled_or_private_stories(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Valdemar borrador", live=False)
    private = ArticlePageFactory(parent=newsroom["es"], title="Valdemar privada")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    published = ArticlePageFactory(parent=newsroom["es"], title="Valdemar publicada")
    published.unpublish()
    assert list(client.get("/es/search/?q=Valdemar").context["results"]) == []
    assert client.get("/api/v1/search/?q=Valdemar").json()["items"] == []


def test_search_covers_stories_circulated_to_the_edition(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"], title="Valdemar en Chile")
    story.circulated_to.add(newsroom["cl"])
    story.save()
    assert [hit.story.pk for hit in client.get("/cl/search/?q=Valdemar").context["results"]] == [
        story.pk
    ]
    assert list(client.get("/mx/search/?q=Valdemar").context["results"]) == []


def test_empty_search_shows_the_form_and_no_results(client, newsroom):
    response = client.get("/es/search/")
    assert response.status_code == 200
    assert b'role="search"' in response.content
    assert list(response.context["results"]) == []


def test_every_edition_page_offers_search(client, newsroom):
    assert b'action="/es/search/"' in client.get("/es/").content


def test_search_api_pages_through_results(client, newsroom):
    for n in range(3):
        ArticlePageFactory(parent=newsroom["es"], title=f"Valdemar {n}")
    first = client.get("/api/v1/search/?q=Valdemar&limit=2").json()
    rest = client.get(f"/api/v1/search/?q=Valdemar&limit=2&cursor={first['next']}").json()
    assert len(first["items"]) == 2 and len(rest["items"]) == 1 and rest["next"] is None


def test_search_api_needs_words(client, newsroom):
    assert client.get("/api/v1/search/").status_code == 400
    assert client.get("/api/v1/search/?q=").status_code == 400


def test_control_characters_in_a_reader_search_are_ignored_not_an_error(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Apagón en Valdemar")
    assert client.get("/es/search/?q=Valde%00mar").status_code == 200
    assert client.get("/es/search/?q=%01Valdemar").status_code == 200
    assert client.get("/api/v1/search/?q=%01Valdemar").status_code == 200
    assert client.get("/api/v1/search/?q=%01").json()["items"] == []


def test_a_nul_in_an_api_search_is_a_problem_not_a_crash(client, newsroom):
    response = client.get("/api/v1/search/?q=%00Valdemar")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_punctuation_and_quotes_in_a_search_are_ignored_not_an_error(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Apagón en Valdemar")
    for terms in ['"Valdemar,', 'Valdemar" OR "', "Valdemar*)", "(Valdemar", "Valdemar -", "^:"]:
        response = client.get("/api/v1/search/", {"q": terms})
        assert response.status_code == 200, terms
        page = client.get("/es/search/", {"q": terms})
        assert page.status_code == 200, terms
    found = client.get("/api/v1/search/", {"q": '"Valdemar,'}).json()["items"]
    assert [story["headline"] for story in found] == ["Apagón en Valdemar"]
