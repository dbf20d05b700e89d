"""Jobs the engine's tests enqueue. Each leaves a file behind, so a test (or a
worker in another process) can tell what ran."""

from __future__ import annotations

import time
from pathlib import Path

from dateline.jobs.engine import job


@job()
def leave_mark(path: str) -> str:
    Path(path).write_text("ran")
    return "ran"


@job(attempts=3, backoff=30)
def always_fails(message: str) -> None:
    raise RuntimeError(message)


@job(attempts=3, backoff=0.1)
def stalls_the_first_time(path: str) -> str:
    """The first run hangs (its worker is killed meanwhile); the next one finishes."""
    started = Path(path + ".started")
    if not started.exists():
        started.write_text("started")
        time.sleep(600)
    Path(path).write_text("ran")
    return "ran"
