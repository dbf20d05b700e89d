"""The newsroom's clock: publishes what was scheduled and makes lifted embargoes show.

It is a periodic background job (`dateline.jobs`), run every
DATELINE_CLOCK_SECONDS by one worker for the whole site, however many servers
and workers there are. Scheduled stories go live through Wagtail's own
`publish_scheduled`, which fires the usual publication signals (the page cache is
made stale, the front end is purged). An embargo needs no job to end, since
readers' queries compare it with the time, but pages cached while it held would
hide the story for up to the cache's lifetime: the run that sees an embargo end
makes them stale, so the story appears everywhere at once.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from dateline.jobs.engine import job, periodic
from dateline.lib.notify import notify_readers_on_commit


def tick(since: datetime | None = None, now: datetime | None = None) -> dict:
    """Does what has come due since the previous run; returns what it did."""
    from .models import StoryPage

    now = now or timezone.now()
    call_command("publish_scheduled", verbosity=0)
    since = since or now - settings.CLOCK_INTERVAL * 2
    lifted = StoryPage.objects.live().filter(embargo_until__gt=since, embargo_until__lte=now)
    lifted_count = lifted.count()
    if lifted_count:
        notify_readers_on_commit()
    return {"embargoes_lifted": lifted_count}


# One attempt: the next interval's run is the retry.
@job(attempts=1)
def run_clock(since: str | None = None) -> dict:
    return tick(parse_datetime(since) if since else None)


def schedule() -> None:
    if settings.CLOCK_INTERVAL.total_seconds() > 0:
        periodic("newsroom-clock", run_clock, every=settings.CLOCK_INTERVAL)
