"""An edition created in the admin gets its roles and its review workflow at once."""

from __future__ import annotations

from wagtail.models import WorkflowPage

from dateline.editions.roles import ensure_edition_groups

from ..factories import EditionPageFactory


def test_new_edition_gets_its_groups_and_review_workflow(
    newsroom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionPageFactory(parent=newsroom["home"], slug="ar", title="Argentina")
    assert WorkflowPage.objects.get(page=edition).workflow.name == "Argentina review"
    groups = ensure_edition_groups(edition)  # already there: nothing new is made
    assert {g.name for g in groups.values()} == {
        "Argentina reporters",
        "Argentina editors",
        "Argentina edition admins",
    }
