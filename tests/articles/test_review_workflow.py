"""A reporter's draft goes through the edition's editors before readers see it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from dateline.articles.models import ArticlePage

from .support import add_url, article_form


@pytest.fixture
def submitted(client, newsroom, reporter, editor):
    """A draft the Chilean reporter wrote and submitted for review."""
    client.force_login(reporter)
    data = article_form()
    data["action-submit"] = "submit"
    response = client.post(add_url(newsroom["cl"]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    client.logout()
    return ArticlePage.objects.get(slug="storm-cuts-power")


def act(client, page, action, **data):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def test_a_submitted_draft_is_not_published_and_waits_in_review(submitted):
    assert not submitted.live
    assert submitted.current_workflow_task.name == "Chile: editors' review"


def test_the_editor_sees_it_in_the_review_queue_and_the_reporter_cannot_approve(
    client, submitted, reporter, editor
):
    client.force_login(editor)
    assert submitted.title in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(reporter)
    act(client, submitted, "approve")
    submitted.refresh_from_db()
    assert not submitted.live


def test_the_editor_sends_it_back_with_a_comment(client, submitted, editor):
    client.force_login(editor)
    act(client, submitted, "reject", comment="Falta la fuente del dato.")
    submitted.refresh_from_db()
    assert not submitted.live
    state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert state.status == "needs_changes"


def test_the_editor_publishes_it_now(client, submitted, editor):
    client.force_login(editor)
    act(client, submitted, "approve")
    submitted.refresh_from_db()
    assert submitted.live
    assert client.get(submitted.url).status_code == 200


def test_approving_a_draft_with_a_publication_time_schedules_it(client, newsroom, reporter, editor):
    client.force_login(reporter)
    data = article_form(go_live_at=(timezone.now() + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"))
    data["action-submit"] = "submit"
    client.post(add_url(newsroom["cl"]), data)
    page = ArticlePage.objects.get(slug="storm-cuts-power")
    client.force_login(editor)
    act(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None
    client.logout()
    assert client.get("/cl/").content.decode().count("Storm cuts power") == 0


def test_an_editor_of_another_edition_cannot_approve(client, submitted, newsroom):
    from dateline.editions.roles import ensure_edition_groups

    from ..conftest import _person

    outsider = _person("mx-editor", ensure_edition_groups(newsroom["mx"])["editors"])
    client.force_login(outsider)
    act(client, submitted, "approve")
    submitted.refresh_from_db()
    assert not submitted.live
