"""Published updates and corrections are a public record: whatever version of the
article is restored, reverted to, edited, scheduled, copied or published, each one
stays on the article, on its page and in the API.

They live outside the article's revisions, as Wagtail keeps a page's live state,
so no door that replaces a page's content can take one back.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, rich_text

from dateline.articles import clock
from dateline.articles.actions import check_add_update, check_correct_article
from dateline.articles.models import ArticlePage

from ..factories import ArticlePageFactory
from .support import article_form, time_passes_beyond

CORRECTION = "We named the wrong river."


@pytest.fixture
def article(newsroom, editor):
    """A published article, edited once, then corrected: its first version predates
    the correction."""
    article = ArticlePageFactory(parent=newsroom["es"], title="Primera versión", slug="rio")
    article.save_revision(user=editor, log_action=True).publish(user=editor)
    article.title = "Segunda versión"
    article.save_revision(user=editor, log_action=True).publish(user=editor)
    check_correct_article(ArticlePage.objects.get(pk=article.pk), editor, CORRECTION)
    return ArticlePage.objects.get(pk=article.pk)


def first_version(article):
    return article.revisions.order_by("created_at", "pk").first()


def corrections(article):
    return [c.text for c in ArticlePage.objects.get(pk=article.pk).corrections.all()]


def edit_form(article, **fields):
    data = article_form(slug=article.slug, **fields)
    latest = article.get_latest_revision()
    data["loaded_revision_id"] = str(latest.pk)
    data["loaded_revision_created_at"] = latest.created_at.isoformat()
    return data


def test_a_correction_makes_no_version_of_the_article(article):
    # Nothing in the history holds it, so nothing in the history can undo it.
    assert article.revisions.count() == 2


def test_restoring_an_older_version_and_publishing_it_keeps_the_correction(client, article, editor):
    client.force_login(editor)
    restored = client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[article.pk, first_version(article).pk])
    )
    data = edit_form(article, title=restored.context["form"]["title"].value())
    data["revision"] = str(first_version(article).pk)
    data["action-publish"] = "publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=article.pk).title == "Primera versión"
    assert corrections(article) == [f"<p>{CORRECTION}</p>"]


def test_publishing_an_older_revision_from_the_history_keeps_the_correction(article, editor):
    first_version(article).publish(user=editor)
    assert ArticlePage.objects.get(pk=article.pk).title == "Primera versión"
    assert corrections(article) == [f"<p>{CORRECTION}</p>"]


def test_an_edit_that_leaves_the_notes_out_keeps_them(client, article, editor):
    client.force_login(editor)
    data = edit_form(article, title="Tercera versión", corrections=inline_formset([]))
    data["action-publish"] = "publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302
    assert corrections(article) == [f"<p>{CORRECTION}</p>"]


def test_an_edit_form_cannot_rewrite_or_add_a_note(client, article, editor):
    # The editor shows the record to read; a hand-made form naming it is ignored.
    note = ArticlePage.objects.get(pk=article.pk).corrections.get()
    client.force_login(editor)
    data = edit_form(
        article,
        corrections=inline_formset(
            [{"id": note.pk, "published_at": "2026-11-26 10:00", "text": rich_text("<p>Ok.</p>")}]
        ),
        updates=inline_formset([{"published_at": "2026-11-26 10:00", "text": rich_text("x")}]),
    )
    data["action-publish"] = "publish"
    client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    article = ArticlePage.objects.get(pk=article.pk)
    assert (corrections(article), article.updates.count()) == ([f"<p>{CORRECTION}</p>"], 0)


def test_the_scheduled_publication_of_an_older_version_keeps_the_correction(article, editor):
    older = first_version(article)
    older.approved_go_live_at = older.created_at
    older.save()
    time_passes_beyond(older)
    clock.tick()
    assert ArticlePage.objects.get(pk=article.pk).title == "Primera versión"
    assert corrections(article) == [f"<p>{CORRECTION}</p>"]


def test_unpublishing_and_republishing_an_older_version_keeps_the_correction(article, editor):
    ArticlePage.objects.get(pk=article.pk).unpublish(user=editor)
    first_version(article).publish(user=editor)
    assert corrections(article) == [f"<p>{CORRECTION}</p>"]


def test_the_api_still_lists_the_correction_after_a_restore(client, article, editor):
    first_version(article).publish(user=editor)
    body = client.get(f"/api/v1/articles/{article.pk}").json()
    assert [c["html"] for c in body["corrections"]] == [f"<p>{CORRECTION}</p>"]


def test_the_readers_page_still_shows_the_correction_after_a_restore(client, article, editor):
    first_version(article).publish(user=editor)
    assert CORRECTION in client.get(article.url).content.decode()


def test_copying_the_article_leaves_its_correction_where_it_was_published(
    client, article, editor, newsroom
):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[article.pk]),
        {"new_title": "Copia", "new_slug": "copia", "new_parent_page": newsroom["es"].pk},
    )
    assert response.status_code == 302
    copy = ArticlePage.objects.get(slug="copia")
    # The copy is a new story with a record of its own, which starts empty.
    assert (corrections(article), corrections(copy)) == ([f"<p>{CORRECTION}</p>"], [])


def test_an_update_is_kept_as_well(article, editor):
    check_add_update(article, editor, "Reabren el puente.")
    first_version(article).publish(user=editor)
    assert ArticlePage.objects.get(pk=article.pk).updates.count() == 1


def test_the_editor_shows_the_record_to_read(client, article, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert CORRECTION in response.content.decode()
