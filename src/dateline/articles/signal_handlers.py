"""What follows a story's publication: its embargo's own line in the story's history."""

from __future__ import annotations

from datetime import UTC

from wagtail.log_actions import get_active_log_context, log
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from .models import StoryPage

EMBARGO = "dateline.embargo"


def record_the_embargo(sender, instance, **kwargs) -> None:
    """Logs an embargo set, changed or lifted once, when the version carrying it is
    published (now, on schedule, from the history: every door publishes here), with
    the time readers will see the story. An embargo typed into a draft hides
    nothing until then, so it is not in the log before."""
    if not isinstance(instance, StoryPage):
        return
    last = (
        PageLogEntry.objects.filter(page_id=instance.pk, action=EMBARGO)
        .order_by("-timestamp", "-pk")
        .first()
    )
    was = last.data.get("until") if last else None
    embargo = instance.embargo_until
    until = embargo.astimezone(UTC).isoformat() if embargo else None
    if until != was:
        log(
            instance,
            EMBARGO,
            user=get_active_log_context().user,
            revision=instance.live_revision,
            data={"until": until, "was": was},
        )


def connect() -> None:
    page_published.connect(record_the_embargo, dispatch_uid="story-embargo-log")
