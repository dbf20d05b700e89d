"""The worker: takes ready jobs one at a time, runs them, retries the failures.

Each pass of the loop also beats the worker's heartbeat, hands back the jobs of
workers whose heartbeat stopped, and enqueues the periodic jobs that are due.
Any number of workers may run, on any number of machines sharing the database:
a job is claimed under a row lock (SKIP LOCKED on PostgreSQL, an exclusive
transaction on SQLite), so each runs once at a time.
"""

from __future__ import annotations

import logging
import os
import socket
import threading

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks.base import TaskContext, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from .engine import BACKEND, enqueue_due, retry_policy
from .models import WorkerBeat

log = logging.getLogger(__name__)


def new_worker_id() -> str:
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{get_random_string(8)}"[:64]


class Worker:
    def __init__(
        self,
        *,
        interval: float = 1.0,
        batch: bool = False,
        max_jobs: int | None = None,
        worker_id: str | None = None,
        schedule: bool = True,
    ):
        self.interval = interval
        self.batch = batch
        self.max_jobs = max_jobs
        self.worker_id = worker_id or new_worker_id()
        self.schedule = schedule
        self.ran = 0
        self.stopping = threading.Event()
        self._last_beat = None

    def stop(self) -> None:
        """Ends the loop once the job in hand, if any, is done."""
        self.stopping.set()

    def run(self) -> None:
        log.info("Worker %s started", self.worker_id)
        try:
            while not self.stopping.is_set():
                refresh_connections()
                self.housekeeping()
                claimed = self.claim()
                if claimed is not None:
                    self.run_job(claimed)
                    if self.max_jobs is not None and self.ran >= self.max_jobs:
                        return
                    continue
                if self.batch:
                    return
                self.stopping.wait(self.interval)
        finally:
            WorkerBeat.objects.filter(worker_id=self.worker_id).delete()
            refresh_connections()
            log.info("Worker %s stopped", self.worker_id)

    def housekeeping(self) -> None:
        now = timezone.now()
        heartbeat = settings.JOB_HEARTBEAT
        if self._last_beat is None or now - self._last_beat >= heartbeat / 2:
            WorkerBeat.objects.update_or_create(worker_id=self.worker_id, defaults={"seen_at": now})
            self._last_beat = now
            hand_back_orphans(now - heartbeat * 3)
        if self.schedule:
            enqueue_due(now)

    def claim(self) -> DBTaskResult | None:
        ready = DBTaskResult.objects.ready().filter(backend_name=BACKEND)
        try:
            with exclusive_transaction(ready.db):
                found = ready.get_locked()
                if found is not None:
                    found.claim(self.worker_id)
                return found
        except OperationalError as error:
            if is_locked_database_exception(error):  # another worker holds SQLite's lock
                return None
            raise

    def run_job(self, row: DBTaskResult) -> None:
        try:
            made = row.task
            result = row.task_result
            task_started.send(sender=type(made.get_backend()), task_result=result)
            if made.takes_context:
                value = made.call(TaskContext(task_result=result), *result.args, **result.kwargs)
            else:
                value = made.call(*result.args, **result.kwargs)
            row.set_successful(value)
        except Exception as error:
            record_failure(row, error)
        finally:
            self.ran += 1
        try:
            task_finished.send(sender=type(made.get_backend()), task_result=row.task_result)
        except Exception:  # a job that no longer imports has no listeners to tell
            log.exception("Job %s finished; its listeners could not be told", row.id)


def refresh_connections() -> None:
    """Drops connections past their age or broken, as a request's end does; not
    inside a transaction (a test's, when the worker runs in the caller's thread)."""
    if not connection.in_atomic_block:
        close_old_connections()


def record_failure(row: DBTaskResult, error: Exception) -> None:
    """Schedules the next attempt after the policy's back-off, or records the
    job as failed, with its error, when no attempt is left."""
    policy = retry_policy(row.task_path)
    attempt = len(row.worker_ids)
    row.set_failed(error)  # records the error's class and traceback
    if attempt < policy.attempts:
        row.status = TaskResultStatus.READY
        row.finished_at = None
        row.run_after = timezone.now() + policy.delay(attempt)
        row.save(update_fields=["status", "finished_at", "run_after"])
        log.warning(
            "Job %s (%s) failed on attempt %d of %d; trying again at %s",
            row.id,
            row.task_path,
            attempt,
            policy.attempts,
            row.run_after,
        )
    else:
        log.error("Job %s (%s) failed for good: %r", row.id, row.task_path, error)


class WorkerLost(Exception):
    """The worker running a job stopped beating before the job finished."""


def hand_back_orphans(dead_before) -> int:
    """Makes the running jobs of silent workers ready again (or failed, when they
    have had all their attempts). Returns how many were handed back."""
    with transaction.atomic():
        alive = set(WorkerBeat.objects.filter(seen_at__gte=dead_before).values_list("worker_id"))
        alive = {worker_id for (worker_id,) in alive}
        WorkerBeat.objects.filter(seen_at__lt=dead_before).delete()
        handed = 0
        running = DBTaskResult.objects.running().filter(backend_name=BACKEND)
        for row in running.select_for_update(skip_locked=True):
            if row.worker_ids and row.worker_ids[-1] in alive:
                continue
            error = WorkerLost(f"worker {row.worker_ids[-1] if row.worker_ids else '?'} stopped")
            record_failure(row, error)
            handed += 1
        return handed
