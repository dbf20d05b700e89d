"""Every revision of a story can be compared and restored, and the audit log says
who did what, when."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from dateline.articles.actions import check_add_update, check_correct_article
from dateline.articles.models import ArticlePage

from ..admin_refusals import refused
from ..factories import ArticlePageFactory


@pytest.fixture
def article(newsroom, editor):
    article = ArticlePageFactory(parent=newsroom["es"], title="Primera versión")
    article.save_revision(user=editor, log_action=True).publish(user=editor)
    article.title = "Segunda versión"
    article.save_revision(user=editor, log_action=True).publish(user=editor)
    return ArticlePage.objects.get(pk=article.pk)


def test_corrections_and_updates_are_in_the_audit_log_with_who_and_what(article, editor):
    check_add_update(article, editor, "Reabren el puente.")
    check_correct_article(article, editor, "El río era el Salado.")
    entries = PageLogEntry.objects.filter(
        page=article, action__in=["dateline.add_update", "dateline.correct"]
    ).order_by("timestamp", "pk")
    assert [(e.action, e.user) for e in entries] == [
        ("dateline.add_update", editor),
        ("dateline.correct", editor),
    ]
    assert entries[1].message == "Correction: El río era el Salado."


def test_any_two_revisions_can_be_compared(client, article, editor):
    first, second = article.revisions.order_by("created_at")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, first.pk, second.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Primera" in response.content.decode()


def test_an_old_revision_can_be_restored(client, article, editor):
    first = article.revisions.order_by("created_at").first()
    client.force_login(editor)
    response = client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[article.pk, first.pk])
    )
    assert response.status_code == 200
    assert response.context["form"]["title"].value() == "Primera versión"


def test_an_editor_of_another_edition_cannot_see_the_revisions(client, newsroom, article):
    from dateline.editions.roles import ensure_edition_groups

    from ..conftest import _person

    outsider = _person("mx-editor", ensure_edition_groups(newsroom["mx"])["editors"])
    client.force_login(outsider)
    first, second = article.revisions.order_by("created_at")
    url = reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, first.pk, second.pk])
    assert refused(client.get(url))
