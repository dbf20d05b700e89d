"""What the workers share besides the jobs themselves (django_tasks_db.DBTaskResult)."""

from __future__ import annotations

from django.db import models


class Schedule(models.Model):
    """A periodic job's next slot. A worker takes the slot by moving
    `next_run_at` forward in one conditional UPDATE, so one worker in the whole
    site enqueues each run, however many are running."""

    name = models.CharField(max_length=100, primary_key=True)
    next_run_at = models.DateTimeField()
    last_run_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return self.name


class WorkerBeat(models.Model):
    """A running worker's heartbeat. A job left running by a worker whose
    heartbeat stopped (a crash, a killed machine) is handed to another."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.worker_id
