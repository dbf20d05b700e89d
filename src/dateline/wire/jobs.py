"""The wire's background work: each feed and folder provider polled on its own
schedule (`Provider.poll_minutes`), by whichever worker takes the job.

One periodic job a minute looks for providers that are due and enqueues a poll
for each; a poll that fails as a whole (the feed did not answer, the folder is
gone) is retried with back-off by the engine, and its reason stays on the
provider, where the admin shows it.
"""

from __future__ import annotations

from datetime import timedelta

from dateline.jobs.engine import enqueue_on_commit, job, periodic

from .ingest import poll_provider, providers_due
from .models import Provider

EVERY = timedelta(minutes=1)


class PollFailed(RuntimeError):
    """The provider could not be read at all; the engine tries again later."""


@job(attempts=4, backoff=60.0, max_backoff=900.0)
def poll(provider_id: int) -> dict:
    provider = Provider.objects.filter(pk=provider_id, is_active=True).first()
    if provider is None:
        return {"polled": False}
    report = poll_provider(provider)
    refused_whole = report.received and all(
        r.outcome == "refused" and getattr(r.error, "status", None) == 502 for r in report.received
    )
    if refused_whole:
        raise PollFailed(provider.last_error)
    return {
        "polled": True,
        "created": report.count("created"),
        "updated": report.count("updated"),
        "refused": report.count("refused"),
    }


@job(attempts=1)
def poll_due(since: str | None = None) -> list[int]:
    """Enqueues a poll of every provider whose next poll is due; returns their ids."""
    due = [provider.pk for provider in providers_due()]
    for provider_id in due:
        enqueue_on_commit(poll, provider_id)
    return due


def schedule() -> None:
    periodic("wire-polls", poll_due, every=EVERY)
