"""Articles emit NewsArticle JSON-LD, Open Graph tags and a canonical URL."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import extruct
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from dateline.articles.models import ArticleCorrection, ArticleUpdate

from ..factories import (
    ArticlePageFactory,
    AuthorFactory,
    PhotoFactory,
    TopicPageFactory,
    add_byline,
)


@pytest.fixture
def article(newsroom):
    topic = TopicPageFactory(parent=newsroom["es"], title="Tormenta Aurelia")
    article = ArticlePageFactory(
        parent=newsroom["es"],
        title="Headline </script><script>alert(1)</script>",
        standfirst="The standfirst.",
        topic=topic,
        lead_image=PhotoFactory(photographer="Marta Ibáñez", agency="Sample Agency"),
        first_published_at=timezone.now() - timedelta(hours=4),
    )
    add_byline(article, AuthorFactory(name="Lucía Ferrer"))
    return article


def head(client, article) -> BeautifulSoup:
    return BeautifulSoup(client.get(article.url).content, "html.parser")


def json_ld(client, article) -> dict:
    script = head(client, article).find("script", type="application/ld+json")
    return json.loads(script.string)


def test_news_article_carries_the_required_fields(client, article):
    data = json_ld(client, article)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["description"] == "The standfirst."
    assert data["author"] == [{"@type": "Person", "name": "Lucía Ferrer"}]
    assert data["articleSection"] == "Tormenta Aurelia"
    assert data["image"]["creditText"] == "Marta Ibáñez / Sample Agency"
    assert data["image"]["url"].startswith("http://testserver/")
    assert datetime.fromisoformat(data["datePublished"]) == article.first_published_at


def test_a_structured_data_parser_reads_one_news_article(client, article):
    html = client.get(article.url).content.decode()
    url = f"http://testserver{article.url}"
    found = extruct.extract(html, base_url=url, syntaxes=["json-ld"])["json-ld"]
    assert [item["@type"] for item in found] == ["NewsArticle"]
    data = found[0]
    assert data["url"] == data["mainEntityOfPage"] == url
    assert data["inLanguage"] == "es-ES"
    assert data["publisher"] == {"@type": "Organization", "name": "Dateline"}
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 675)
    assert datetime.fromisoformat(data["dateModified"]) == article.last_updated


def test_headline_cannot_break_out_of_the_script_element(client, article):
    html = client.get(article.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(client, article)["headline"] == article.title


def test_date_modified_follows_a_new_update(client, article):
    later = timezone.now()
    ArticleUpdate.objects.create(article=article, text="<p>News.</p>", published_at=later)
    assert datetime.fromisoformat(json_ld(client, article)["dateModified"]) == later


def test_corrections_are_in_the_structured_data(client, article):
    ArticleCorrection.objects.create(article=article, text="<p>Wrong river.</p>")
    corrections = json_ld(client, article)["correction"]
    assert corrections[0]["@type"] == "CorrectionComment"
    assert corrections[0]["text"] == "Wrong river."


def test_open_graph_and_twitter_cards(client, article):
    page = head(client, article)

    def meta(key):
        tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
        return tag["content"]

    assert meta("og:type") == "article"
    assert meta("og:title") == article.title
    assert meta("og:url") == f"http://testserver{article.url}"
    assert meta("og:image").startswith("http://testserver/")
    assert meta("twitter:card") == "summary_large_image"


def test_canonical_url_is_absolute(client, article):
    link = head(client, article).find("link", rel="canonical")
    assert link["href"] == f"http://testserver{article.url}"


def test_canonical_url_uses_the_public_origin_when_configured(client, article, settings):
    settings.BASE_URL = "https://news.example.com"
    link = head(client, article).find("link", rel="canonical")
    assert link["href"] == f"https://news.example.com{article.url}"
