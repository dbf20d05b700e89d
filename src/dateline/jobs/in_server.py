"""The embedded default: one worker thread inside each server process."""

from __future__ import annotations

import threading

from asgiref.sync import sync_to_async
from django.conf import settings

from .worker import Worker

_running: tuple[Worker, threading.Thread] | None = None


def start() -> None:
    global _running
    if settings.JOBS_IN_SERVER and _running is None:
        worker = Worker()
        thread = threading.Thread(target=worker.run, name="dateline-jobs", daemon=True)
        thread.start()
        _running = (worker, thread)


async def stop() -> None:
    """Lets the job in hand finish (for a few seconds at most) before the server exits."""
    global _running
    if _running is not None:
        worker, thread = _running
        worker.stop()
        await sync_to_async(thread.join, thread_sensitive=False)(timeout=5)
        _running = None
