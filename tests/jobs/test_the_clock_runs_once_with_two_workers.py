"""Two workers (on two machines, say) run the newsroom clock once per interval."""

from __future__ import annotations

import time

import pytest

from dateline.articles.clock import run_clock
from dateline.jobs.models import WorkerBeat

from .support import job_rows, stop, wait_for, worker_process

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_workers_run_the_clock_once_per_interval(tmp_path):
    env = {"DATELINE_CLOCK_SECONDS": "3600", "DATELINE_JOB_HEARTBEAT_SECONDS": "1"}
    workers = [worker_process(tmp_path, f"worker{n}.log", **env) for n in (1, 2)]
    try:
        assert wait_for(lambda: WorkerBeat.objects.count() == 2)
        assert wait_for(lambda: any(row.status == "SUCCESSFUL" for row in job_rows(run_clock)))
        time.sleep(2)  # both workers have looked at the schedule several times since
    finally:
        for worker in workers:
            stop(worker)
    assert len(job_rows(run_clock)) == 1
