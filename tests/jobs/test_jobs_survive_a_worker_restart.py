"""A job whose worker dies mid-way is run again by another worker."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from .sample_jobs import stalls_the_first_time
from .support import stop, wait_for, worker_process

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_job_whose_worker_was_killed_is_finished_by_the_next_worker(tmp_path):
    mark = tmp_path / "mark"
    stalls_the_first_time.enqueue(str(mark))
    first = worker_process(tmp_path, "first.log", DATELINE_JOB_HEARTBEAT_SECONDS="1")
    try:
        assert wait_for(Path(str(mark) + ".started").exists)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        second = worker_process(tmp_path, "second.log", DATELINE_JOB_HEARTBEAT_SECONDS="1")
        try:
            wait_for(mark.exists)
        finally:
            stop(second)
    finally:
        stop(first)
    assert mark.exists()
