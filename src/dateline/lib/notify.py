"""What happens once a change readers could see has committed.

Every action that changes what readers see ends in `notify_readers_on_commit()`,
as Zulip's `do_…` functions end in their `notify_…` step; so do the handlers
of Wagtail's own publishing signals. It is the one place where readers' caches
are purged (today the page cache's generation), and where purges of an edge
cache or a push to the app hang. Live events have their own step in the live
app (`live.broker.notify_on_commit`), which publishes each event to readers.
"""

from __future__ import annotations

from django.db import transaction

from . import generation, page_cache


def notify_readers_on_commit() -> None:
    """Makes readers' cached pages stale once the current transaction commits
    (at once outside a transaction), so a reader never gets a page older than
    the change. This process forgets what it remembered of the last
    publication at once, so its own next reads see the change too."""
    generation.forget()
    transaction.on_commit(page_cache.invalidate)
