"""What follows a story's save and publication: readers' search, and its
embargo's own line in the story's history."""

from __future__ import annotations

from datetime import UTC

from django.db.models.signals import post_save
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from . import search
from .models import StoryPage

EMBARGO = "dateline.embargo"


def readers_find_what_was_published(sender, instance, raw=False, update_fields=None, **kwargs):
    """Writes what readers' search finds of a live story each time its page is
    saved whole, as publishing does (Wagtail's own, the newsroom clock's). Saving
    a draft of a live story saves only the page's bookkeeping fields, and its page
    row keeps the published text. (Updates and corrections, kept outside the
    page, index the story themselves: `actions.do_add_update`.)"""
    if isinstance(instance, StoryPage) and instance.live and not raw and update_fields is None:
        search.index_story(instance)


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
    post_save.connect(readers_find_what_was_published, dispatch_uid="search-published")
    page_published.connect(record_the_embargo, dispatch_uid="story-embargo-log")
