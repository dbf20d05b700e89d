"""The newsroom's clock: publishes what was scheduled and makes lifted embargoes show.

Every server process runs it (from the ASGI lifespan, every
DATELINE_CLOCK_SECONDS); a short lock in the shared cache lets one process per
tick do the work. Scheduled stories go live through Wagtail's own
`publish_scheduled`, which fires the usual publication signals (the page cache is
made stale, the front end is purged). An embargo needs no job to end, since
readers' queries compare it with the time, but pages cached while it held would
hide the story for up to the cache's lifetime: the tick that sees an embargo end
makes them stale, so the story appears everywhere at once.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from dateline.lib.notify import notify_readers_on_commit

log = logging.getLogger(__name__)

LOCK_KEY = "newsroom-clock:lock"
LAST_TICK_KEY = "newsroom-clock:last-tick"
_task: asyncio.Task | None = None


def tick(now: datetime | None = None) -> dict:
    """Does what has come due; returns what it did (for logs and tests)."""
    from .models import StoryPage

    now = now or timezone.now()
    call_command("publish_scheduled", verbosity=0)
    since = cache.get(LAST_TICK_KEY) or now - settings.CLOCK_INTERVAL * 2
    lifted = StoryPage.objects.live().filter(embargo_until__gt=since, embargo_until__lte=now)
    lifted_count = lifted.count()
    if lifted_count:
        notify_readers_on_commit()
    cache.set(LAST_TICK_KEY, now, timeout=None)
    return {"embargoes_lifted": lifted_count}


def tick_if_first() -> dict | None:
    """Runs `tick` unless another process ran it in this interval."""
    if not cache.add(LOCK_KEY, 1, timeout=max(1, int(settings.CLOCK_INTERVAL.total_seconds()) - 1)):
        return None
    return tick()


def start() -> None:
    global _task
    if settings.CLOCK_INTERVAL.total_seconds() > 0 and _task is None:
        _task = asyncio.get_running_loop().create_task(_run())


async def stop() -> None:
    global _task
    if _task is not None:
        _task.cancel()
        _task = None


async def _run() -> None:
    interval = settings.CLOCK_INTERVAL.total_seconds()
    while True:
        try:
            await sync_to_async(tick_if_first, thread_sensitive=False)()
        except Exception:  # a bad tick must not stop the clock
            log.exception("The newsroom clock's tick failed; trying again next interval.")
        await asyncio.sleep(interval)
