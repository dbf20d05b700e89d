"""The no-op jobs bench/jobs.py runs on each engine (imported by its workers too)."""

from __future__ import annotations

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
django.setup()

from dateline.jobs.engine import job  # noqa: E402


@job(attempts=1)
def noop() -> None:
    return None


try:  # Celery is measured only where it is installed (`uv pip install celery`).
    import redis
    from celery import Celery

    BROKER = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
    app = Celery("bench", broker=BROKER)
    app.conf.update(
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1
    )

    @app.task(name="bench.noop")
    def celery_noop() -> None:
        redis.Redis.from_url(BROKER).incr("bench:done")

except ImportError:
    app = None
