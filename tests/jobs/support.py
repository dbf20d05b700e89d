from __future__ import annotations

import subprocess
import time
from pathlib import Path

from django.db import connection
from django_tasks_db.models import DBTaskResult

from bench.harness.server import ROOT, site_env, venv_bin
from dateline.jobs.worker import Worker


def run_ready_jobs() -> int:
    """Runs every ready job in this process, as a worker would; returns how many ran."""
    worker = Worker(batch=True, interval=0, schedule=False)
    worker.run()
    return worker.ran


def worker_process(tmp_path: Path, log_name: str, **env: str) -> subprocess.Popen:
    """`dateline worker` in another process, on the test database."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        database = {"DATELINE_SQLITE_PATH": settings["NAME"]}
    else:
        password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
        database = {
            "DATABASE_URL": f"postgres://{settings['USER']}{password}@{settings['HOST']}:"
            f"{settings['PORT']}/{settings['NAME']}"
        }
    environment = site_env(tmp_path, PYTHONPATH=str(ROOT), **database, **env)
    log = (tmp_path / log_name).open("w")
    return subprocess.Popen(
        [venv_bin("dateline"), "worker", "--interval", "0.2"],
        env=environment,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )


def wait_for(condition, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def job_rows(made) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=made.module_path))


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)
