"""A job asked for inside a transaction exists only if that transaction commits."""

from __future__ import annotations

import pytest
from django.db import transaction

from dateline.jobs.engine import enqueue_on_commit

from .sample_jobs import leave_mark
from .support import run_ready_jobs

pytestmark = pytest.mark.django_db


class ChangeAbandoned(Exception):
    pass


def test_a_job_enqueued_in_a_transaction_that_rolls_back_never_runs(tmp_path):
    mark = tmp_path / "mark"
    with pytest.raises(ChangeAbandoned), transaction.atomic():
        enqueue_on_commit(leave_mark, str(mark))
        raise ChangeAbandoned
    run_ready_jobs()
    assert not mark.exists()


def test_a_job_enqueued_in_a_transaction_that_commits_runs(tmp_path):
    mark = tmp_path / "mark"
    with transaction.atomic():
        enqueue_on_commit(leave_mark, str(mark))
    run_ready_jobs()
    assert mark.read_text() == "ran"
