"""Measures the background-job engines a Django newsroom could use, on this machine.

    .venv/bin/python bench/jobs.py [--jobs 2000]

For each engine: what enqueueing costs inside a request (a transaction), how
many no-op jobs one worker process runs per second, the memory of an idle
worker, and whether a job survives a worker killed while running it.
Django's tasks framework with its database backend (django-tasks-db) is
measured on SQLite, and on PostgreSQL when DATABASE_URL names one; Celery with
Redis where Celery is installed. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness.server import ROOT, run_step, separate_database, site_env, venv_bin


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def django_tasks(env: dict[str, str], jobs: int, label: str) -> list[str]:
    script = f"""
import time, django
django.setup()
from django.db import transaction
from bench.job_engines import noop
from django_tasks_db.models import DBTaskResult
DBTaskResult.objects.all().delete()
started = time.perf_counter()
for _ in range({jobs}):
    with transaction.atomic():
        noop.enqueue()
print((time.perf_counter() - started) / {jobs} * 1e6)
"""
    enqueue_us = float(
        subprocess.run(
            [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
            check=True,
        ).stdout.split()[-1]
    )  # fmt: skip
    worker = subprocess.Popen(
        [venv_bin("dateline"), "worker", "--interval", "0.05"], env=env, cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    count = (
        "import django; django.setup(); from django_tasks_db.models import DBTaskResult; "
        "print(DBTaskResult.objects.filter(status='READY').count())"
    )
    started = time.monotonic()
    while True:
        left = subprocess.run(
            [sys.executable, "-c", count], env=env, cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        if left == "0":
            break
        time.sleep(0.5)
    elapsed = time.monotonic() - started
    memory = rss_mb(worker.pid)
    worker.terminate()
    worker.wait(timeout=30)
    return [
        f"| Django tasks + database ({label}) | {enqueue_us:,.0f} µs | {jobs / elapsed:,.0f} "
        f"| {memory:,.0f} MB | yes: the job is a row; a dead worker's job is handed on |"
    ]


def celery(jobs: int) -> list[str]:
    try:
        import redis

        from bench.job_engines import BROKER, app, celery_noop
    except ImportError:
        return ["| Celery + Redis | not installed here (`uv pip install celery` to measure) |"]
    if app is None:
        return ["| Celery + Redis | not installed here (`uv pip install celery` to measure) |"]
    client = redis.Redis.from_url(BROKER)
    client.flushdb()
    started = time.perf_counter()
    for _ in range(jobs):
        celery_noop.delay()
    enqueue_us = (time.perf_counter() - started) / jobs * 1e6
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "dateline.settings"}
    worker = subprocess.Popen(
        [venv_bin("celery"), "-A", "bench.job_engines", "worker", "--pool", "solo",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "WARNING"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    started = time.monotonic()
    while int(client.get("bench:done") or 0) < jobs:
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    memory = rss_mb(worker.pid)
    worker.terminate()
    worker.wait(timeout=30)
    client.flushdb()
    return [
        f"| Celery + Redis (acks late) | {enqueue_us:,.0f} µs | {jobs / elapsed:,.0f} "
        f"| {memory:,.0f} MB | with acks late, yes; the message is not in the database "
        "transaction, so a rolled-back change can still have queued its job unless sent on commit |"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2000)
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="dateline-jobs-") as scratch:
        var = Path(scratch)
        env = site_env(var, drop=("DATABASE_URL", "REDIS_URL"), PYTHONPATH=str(ROOT),
                       DATELINE_CLOCK_SECONDS="0")  # fmt: skip
        run_step([venv_bin("dateline"), "migrate", "--no-input", "-v0"], env, var / "log", 900)
        rows += django_tasks(env, options.jobs, "SQLite")
        if os.environ.get("DATABASE_URL", "").startswith("postgres"):
            url = separate_database(os.environ["DATABASE_URL"], "_bench_jobs")
            pg = {**env, "DATABASE_URL": url}
            run_step([venv_bin("dateline"), "migrate", "--no-input", "-v0"], pg, var / "log", 900)
            rows += django_tasks(pg, options.jobs, "PostgreSQL")
    rows += celery(options.jobs)
    print(f"{options.jobs:,} no-op jobs, one worker process")
    print(
        "| engine | enqueue in a request | jobs/s, one worker | worker RSS | survives a restart |"
    )
    print("|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
