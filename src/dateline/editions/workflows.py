"""Each edition's review workflow: a reporter submits a draft, the edition's
editors review it and send it back or publish it (now, at a scheduled time or
under embargo).

Wagtail's workflows do the work: the edition's workflow is assigned to its
page, so it covers every story under it, and its one task is approved by the
edition's editors only, who then see the draft in their review queue (the
dashboard's "Awaiting your review"), can comment on it, request changes or
approve it. Reporters lack the publish permission, so submitting for review is
their way to publication.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from .models import EditionPage


def ensure_review_workflow(edition: EditionPage, reviewers: list[Group]) -> Workflow:
    """Creates (or completes) the edition's review workflow and assigns it to the edition."""
    task, _ = GroupApprovalTask.objects.get_or_create(name=f"{edition.title}: editors' review")
    task.groups.add(*reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=f"{edition.title} review")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=edition, defaults={"workflow": workflow})
    return workflow
