"""A dead link gets a page in its edition's language that helps the reader on."""

from __future__ import annotations

from bs4 import BeautifulSoup

from ..factories import ArticlePageFactory


def read(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_a_missing_page_in_an_edition_speaks_its_language_and_offers_a_way_on(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Apagón en Valdemar")
    ArticlePageFactory(parent=newsroom["es"], title="Borrador secreto", live=False)
    response = client.get("/es/no-existe-esta-noticia/")
    assert response.status_code == 404
    assert response["Content-Language"] == "es-ES"
    page = read(response)
    assert page.html["lang"] == "es-ES"
    assert page.h1.get_text(strip=True) == "Página no encontrada"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.select_one("form.search-form")["action"] == "/es/search/"
    cards = [h.get_text(strip=True) for h in page.select(".not-found .story-card__headline")]
    assert cards == ["Apagón en Valdemar"]
    assert "Borrador secreto" not in response.content.decode()


def test_a_missing_page_picks_the_edition_by_its_whole_prefix(client, newsroom):
    mexican = read(client.get("/mx/no-such-story/"))
    assert mexican.html["lang"] == "es-MX"
    assert mexican.select_one("form.search-form")["action"] == "/mx/search/"
    assert read(client.get("/usx/no-such-story/")).html["lang"] == "en"


def test_a_missing_page_outside_every_edition_is_still_a_page(client, newsroom):
    response = client.get("/no-such-section/")
    assert response.status_code == 404
    page = read(response)
    assert page.h1.get_text(strip=True) == "Page not found"
    assert page.select_one(".not-found a[href='/']")


def test_an_api_address_keeps_its_problem_body(client, newsroom):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
