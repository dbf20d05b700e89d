"""An edition's editors change its front page; its reporters cannot."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from dateline.articles.front_page import front_page
from dateline.editions.actions import check_curate_front_page
from dateline.editions.models import EditionPage

from .support import edit_url, front_page_form


def test_editor_changes_the_front_page_in_the_page_editor(client, chile, editor):
    client.force_login(editor)
    edition = chile["edition"]
    data = front_page_form(
        edition,
        lead_story=chile["third"],
        top_stories=[chile["oldest"]],
        featured_topics=[chile["storm"]],
    )
    response = client.post(edit_url(edition), data)
    assert response.status_code == 302
    edition = EditionPage.objects.get(pk=edition.pk)
    assert edition.live and not edition.has_unpublished_changes
    front = front_page(edition)
    assert front["lead_story"] == chile["third"]
    assert front["top_stories"][0] == chile["oldest"]
    assert front["topics"] == [chile["storm"]]


def test_reporter_cannot_open_the_edition_page_editor(client, chile, reporter):
    client.force_login(reporter)
    response = client.get(edit_url(chile["edition"]), follow=True)
    assert "Only the editors of Chile can change its front page" in response.content.decode()


def test_reporter_cannot_change_the_front_page(client, chile, reporter):
    client.force_login(reporter)
    edition = chile["edition"]
    revisions = edition.revisions.count()
    data = front_page_form(edition, lead_story=chile["third"])
    del data["action-publish"]  # nor save a draft for an editor to publish unseen
    response = client.post(edit_url(edition), data)
    assert response.status_code == 302
    assert EditionPage.objects.get(pk=edition.pk).lead_story is None
    assert edition.revisions.count() == revisions


def test_reporter_cannot_change_the_front_page_through_the_action(chile, reporter):
    with pytest.raises(PermissionDenied):
        check_curate_front_page(chile["edition"], reporter, lead_story=chile["third"])


def test_editor_of_other_editions_cannot_change_the_front_page(client, newsroom, editor):
    client.force_login(editor)
    mexico = newsroom["mx"]
    response = client.post(edit_url(mexico), front_page_form(mexico))
    assert response.status_code == 302  # Wagtail's "permission denied", back to the dashboard
    assert not mexico.revisions.exists()
