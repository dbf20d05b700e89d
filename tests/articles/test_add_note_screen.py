"""From the admin, an editor adds an update or a correction to a live article in one step."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dateline.articles.models import ArticlePage

from ..admin_refusals import refused
from ..factories import ArticlePageFactory


@pytest.fixture
def article(newsroom, admin):
    article = ArticlePageFactory(parent=newsroom["es"])
    article.save_revision(user=admin).publish()
    return article


def note_url(article, kind="update"):
    return reverse("articles_add_note", args=(article.pk, kind))


def test_editor_publishes_an_update_from_the_update_screen(client, article, editor):
    client.force_login(editor)
    response = client.post(note_url(article), {"text": "Evacuation widened."})
    assert response.status_code == 302
    assert "Evacuation widened." in client.get(article.url).content.decode()


def test_editor_publishes_a_correction_from_the_correction_screen(client, article, editor):
    client.force_login(editor)
    client.post(note_url(article, "correction"), {"text": "Wrong river."})
    assert ArticlePage.objects.get(pk=article.pk).corrections.count() == 1


def test_empty_update_gets_a_form_error_and_nothing_changes(client, article, editor):
    client.force_login(editor)
    response = client.post(note_url(article), {"text": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert not ArticlePage.objects.get(pk=article.pk).updates.exists()


def test_update_to_an_unpublished_article_gets_a_form_error(client, article, editor):
    article.unpublish()
    client.force_login(editor)
    response = client.post(note_url(article), {"text": "News."})
    assert "Only a published article" in response.content.decode()


def test_reporter_may_not_open_the_update_screen(client, newsroom, reporter, admin):
    chile = ArticlePageFactory(parent=newsroom["cl"])
    chile.save_revision(user=admin).publish()
    client.force_login(reporter)
    response = client.post(note_url(chile), {"text": "News."})
    assert refused(response)
    assert not chile.updates.exists()


def test_page_header_offers_the_update_and_correction_buttons(client, article, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert note_url(article) in html
    assert note_url(article, "correction") in html
