"""Declaring, enqueueing and scheduling jobs.

A job is a plain function made a task by `@job(...)`: its arguments must be
JSON (ids, not model instances), and it must be safe to run again, since a job
whose worker died mid-way runs a second time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks.base import Task

BACKEND = "jobs"


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    backoff: float = 10.0  # seconds before the second attempt; doubled each time after
    max_backoff: float = 3600.0

    def delay(self, attempt: int) -> timedelta:
        """How long to wait after failed attempt number `attempt` (1 for the first)."""
        return timedelta(seconds=min(self.backoff * 2 ** (attempt - 1), self.max_backoff))


RETRY_POLICIES: dict[str, RetryPolicy] = {}


def job(
    attempts: int = 5, backoff: float = 10.0, max_backoff: float = 3600.0, priority: int = 0
) -> Callable[[Callable], Task]:
    """Makes a function a background job, tried up to `attempts` times, waiting
    `backoff` seconds after the first failure and twice as long after each next."""

    def decorate(function: Callable) -> Task:
        made = task(backend=BACKEND, priority=priority)(function)
        RETRY_POLICIES[made.module_path] = RetryPolicy(attempts, backoff, max_backoff)
        return made

    return decorate


def retry_policy(module_path: str) -> RetryPolicy:
    """The job's policy; a job this process has not imported yet is imported
    first, since declaring it is what records its policy."""
    if module_path not in RETRY_POLICIES:
        with contextlib.suppress(ImportError):
            import_string(module_path)
    return RETRY_POLICIES.get(module_path, RetryPolicy(attempts=1))


def enqueue_on_commit(made: Task, *args: Any, **kwargs: Any) -> None:
    """Enqueues a job so that it runs only if the current transaction commits.

    Jobs kept in the database are written in the caller's transaction: they
    commit or roll back with the change itself, and no crash between the commit
    and a callback can lose them. A backend outside the database (a broker)
    would be handed the job after commit instead.
    """
    from django_tasks_db import DatabaseBackend

    if isinstance(made.get_backend(), DatabaseBackend):
        made.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: made.enqueue(*args, **kwargs), robust=True)


@dataclass(frozen=True)
class Periodic:
    name: str
    job: Task
    every: timedelta


PERIODIC: dict[str, Periodic] = {}


def periodic(name: str, made: Task, every: timedelta) -> None:
    """Runs `made` every `every`, once per interval for the whole site. The job is
    called with `since`: when its previous run was due (ISO 8601), or None."""
    PERIODIC[name] = Periodic(name, made, every)


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueues each periodic job whose slot has come, unless another worker took
    that slot first; returns the names of those this call enqueued."""
    from .models import Schedule

    now = now or timezone.now()
    enqueued = []
    for entry in PERIODIC.values():
        with transaction.atomic():
            schedule, _ = Schedule.objects.get_or_create(
                name=entry.name, defaults={"next_run_at": now}
            )
            if schedule.next_run_at > now:
                continue
            # Only one worker's UPDATE still finds the slot it read: the others match no row.
            taken = Schedule.objects.filter(
                name=entry.name, next_run_at=schedule.next_run_at
            ).update(next_run_at=now + entry.every, last_run_at=now)
            if taken:
                since = schedule.last_run_at.isoformat() if schedule.last_run_at else None
                entry.job.enqueue(since=since)
                enqueued.append(entry.name)
    return enqueued
