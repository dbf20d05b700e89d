"""An editor adds updates and corrections to a published article without touching its body."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dateline.articles.actions import check_add_update, check_correct_article
from dateline.articles.models import ArticlePage

from ..factories import ArticlePageFactory


@pytest.fixture
def article(newsroom, admin):
    article = ArticlePageFactory(parent=newsroom["es"])
    article.save_revision(user=admin).publish()
    return ArticlePage.objects.get(pk=article.pk)


def test_update_is_published_at_once_and_the_body_is_kept(article, editor):
    body_before = list(article.body.raw_data)
    check_add_update(article, editor, "Evacuation widened.")
    article = ArticlePage.objects.get(pk=article.pk)
    assert [u.text for u in article.updates.all()] == ["<p>Evacuation widened.</p>"]
    assert list(article.body.raw_data) == body_before


def test_update_moves_the_last_updated_time(article, editor):
    before = article.last_updated
    update = check_add_update(article, editor, "More news.")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.last_updated >= update.published_at > before


def test_update_text_is_escaped_not_run_as_html(article, editor):
    check_add_update(article, editor, "<script>alert(1)</script>")
    text = ArticlePage.objects.get(pk=article.pk).updates.get().text
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


def test_update_needs_text(article, editor):
    with pytest.raises(ValidationError, match="Write the update"):
        check_add_update(article, editor, "   ")
    assert not ArticlePage.objects.get(pk=article.pk).updates.exists()


@pytest.mark.parametrize("text", ["\u200b\u200f\u2066", "Evacuation\x00 widened."])
def test_update_that_is_not_visible_text_is_refused(article, editor, text):
    with pytest.raises(ValidationError):
        check_add_update(article, editor, text)


def test_update_to_a_draft_is_refused(article, editor):
    article.unpublish()
    with pytest.raises(ValidationError, match="Only a published article"):
        check_add_update(article, editor, "News.")


def test_reporter_cannot_publish_an_update(article, newsroom, reporter):
    chile = ArticlePageFactory(parent=newsroom["cl"])
    with pytest.raises(PermissionDenied):
        check_add_update(chile, reporter, "News.")
    assert not chile.updates.exists()


def test_editor_cannot_update_another_edition(newsroom, editor, admin):
    mexico = ArticlePageFactory(parent=newsroom["mx"])
    with pytest.raises(PermissionDenied):
        check_add_update(mexico, editor, "News.")


def test_correction_is_dated_and_logged(article, editor):
    correction = check_correct_article(article, editor, "We named the wrong river.")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.corrections_in_order[0].published_at == correction.published_at
    assert "wrong river" in article.corrections_in_order[0].text
