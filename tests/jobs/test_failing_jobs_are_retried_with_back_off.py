"""A job that fails is tried again later, each wait longer, then recorded as failed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .sample_jobs import always_fails
from .support import run_ready_jobs

pytestmark = pytest.mark.django_db


def fails_once_more(row: DBTaskResult) -> DBTaskResult:
    """Lets the back-off pass, then runs the job again."""
    DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())
    run_ready_jobs()
    row.refresh_from_db()
    return row


def fails_every_attempt(runs: int) -> DBTaskResult:
    result = always_fails.enqueue("agency feed unreachable")
    run_ready_jobs()
    row = DBTaskResult.objects.get(pk=result.id)
    for _ in range(runs - 1):
        row = fails_once_more(row)
    return row


def test_a_failed_job_waits_its_back_off_before_the_next_attempt():
    result = always_fails.enqueue("agency feed unreachable")
    before = timezone.now()
    run_ready_jobs()
    row = DBTaskResult.objects.get(pk=result.id)
    assert (row.status, row.run_after >= before + timedelta(seconds=30)) == ("READY", True)


def test_each_next_attempt_waits_twice_as_long():
    row = fails_every_attempt(2)
    wait = row.run_after - timezone.now()
    assert timedelta(seconds=55) < wait <= timedelta(seconds=60)


def test_a_job_that_fails_every_attempt_is_recorded_as_failed_with_its_error():
    row = fails_every_attempt(3)
    assert (row.status, "agency feed unreachable" in row.traceback) == (
        TaskResultStatus.FAILED,
        True,
    )


def test_a_job_that_fails_every_attempt_is_tried_as_often_as_its_policy_says():
    row = fails_every_attempt(5)
    assert len(row.worker_ids) == 3
