"""`dateline worker` runs the jobs that are ready."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from .sample_jobs import leave_mark

pytestmark = pytest.mark.django_db


def test_the_worker_command_runs_ready_jobs(tmp_path):
    mark = tmp_path / "mark"
    leave_mark.enqueue(str(mark))
    call_command("worker", "--batch", verbosity=0)
    assert mark.exists()


def test_the_worker_command_refuses_a_negative_interval():
    with pytest.raises(CommandError, match="--interval must be 0 or more"):
        call_command("worker", "--interval", "-1")
