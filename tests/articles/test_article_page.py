"""A reader opens an article and sees its whole anatomy, each part in semantic markup."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from dateline.articles.models import ArticleCorrection, ArticleUpdate

from ..factories import (
    ArticlePageFactory,
    AuthorFactory,
    LiveBlogPageFactory,
    PhotoFactory,
    TopicPageFactory,
    add_byline,
)


@pytest.fixture
def article(newsroom):
    es = newsroom["es"]
    topic = TopicPageFactory(parent=es, title="Tormenta Aurelia", slug="storm-aurelia")
    related = ArticlePageFactory(parent=es, title="Qué hacer ante una tormenta")
    now = timezone.now()
    article = ArticlePageFactory(
        parent=es,
        title="La tormenta deja sin luz a 200.000 hogares",
        standfirst="Tres barrios evacuados.",
        topic=topic,
        dateline_place="Puerto Valdemar",
        lead_image=PhotoFactory(photographer="Marta Ibáñez", agency="Sample Agency"),
        lead_image_caption="Una calle inundada.",
        first_published_at=now - timedelta(hours=5),
        body=[
            {"type": "paragraph", "value": "<p>Primer párrafo.</p>"},
            {"type": "subhead", "value": "Evacuaciones"},
            {"type": "see_also", "value": {"story": related.pk, "label": ""}},
            {"type": "quote", "value": {"text": "No se acerquen.", "speaker": "Portavoz"}},
        ],
    )
    add_byline(article, AuthorFactory(name="Lucía Ferrer"))
    ArticleUpdate.objects.create(
        article=article, text="<p>Older update</p>", published_at=now - timedelta(hours=3)
    )
    ArticleUpdate.objects.create(
        article=article, text="<p>Newer update</p>", published_at=now - timedelta(hours=1)
    )
    return article


def read(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_headline_is_the_only_h1_and_standfirst_follows(client, article):
    page = read(client, article)
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == [article.title]
    assert page.select_one(".article__standfirst").get_text(strip=True) == "Tres barrios evacuados."


def test_topic_label_links_to_the_topic_hub(client, article):
    label = read(client, article).select_one(".topic-label a")
    assert label.get_text(strip=True) == "Tormenta Aurelia"
    assert label["href"] == article.topic.url


def test_byline_and_dateline_are_shown(client, article):
    byline = read(client, article).select_one(".byline")
    assert "Lucía Ferrer" in byline.get_text()
    assert "Puerto Valdemar" in byline.get_text()


def test_published_and_updated_times_are_machine_readable(client, article):
    published, updated = read(client, article).select(".story-times time")
    assert datetime.fromisoformat(published["datetime"]) == article.first_published_at
    # Last updated follows the newest update, not the first publication.
    assert (
        datetime.fromisoformat(updated["datetime"]) == article.updates_newest_first[0].published_at
    )


def test_update_box_lists_updates_newest_first(client, article):
    box = read(client, article).select_one("aside.update-box")
    items = [li.get_text(" ", strip=True) for li in box.select("li")]
    assert "Newer update" in items[0]
    assert "Older update" in items[1]
    assert all(li.find("time") for li in box.select("li"))


def test_lead_photo_is_a_figure_with_caption_and_credit(client, article):
    figure = read(client, article).select_one("figure.lead-figure")
    assert figure.find("img")["srcset"]
    caption = figure.find("figcaption").get_text(" ", strip=True)
    assert "Una calle inundada." in caption
    assert "Marta Ibáñez / Sample Agency" in caption


def test_body_renders_subheads_see_also_and_quotes(client, article):
    page = read(client, article)
    assert page.select_one(".article__body h2").get_text(strip=True) == "Evacuaciones"
    see_also = page.select_one(".see-also")
    assert see_also.find("a").get_text(strip=True) == "Qué hacer ante una tormenta"
    assert page.select_one("blockquote cite").get_text(strip=True) == "Portavoz"


def test_see_also_to_an_unpublished_story_is_left_out(client, article):
    related = article.body[2].value["story"]
    related.unpublish()
    assert read(client, article).select_one(".see-also") is None


def test_corrections_log_appears_only_when_there_are_corrections(client, article):
    assert read(client, article).select_one(".corrections") is None
    ArticleCorrection.objects.create(article=article, text="<p>We named the wrong river.</p>")
    log = read(client, article).select_one("section.corrections")
    assert "We named the wrong river." in log.get_text()
    assert log.find("time")


def test_links_to_open_live_coverage_of_the_same_topic(client, article):
    assert read(client, article).select_one(".live-link") is None
    blog = LiveBlogPageFactory(parent=article.get_parent(), topic=article.topic)
    assert read(client, article).select_one(".live-link a")["href"] == blog.url


def test_anonymous_reader_is_invited_to_sign_in_to_comment(client, article):
    link = read(client, article).select_one("#comments a")
    assert link["href"].startswith("/accounts/login/?next=")
    assert article.url in link["href"].replace("%2F", "/")


def test_page_speaks_the_edition_language(client, article):
    response = client.get(article.url)
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "es-ES"
    assert response["Content-Language"] == "es-ES"
