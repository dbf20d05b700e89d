"""Reading events for readers: one visibility rule for replay, polling and live delivery."""

from __future__ import annotations

import json

from django.conf import settings

from dateline.editions.access import readable

from .models import LiveBlogPage, LiveEvent, LiveState


def visible_blog(blog_id: int, user=None) -> LiveBlogPage | None:
    """The blog if its events may be read: published for readers, or editable by the user."""
    return readable(LiveBlogPage.objects, blog_id, user)


def last_seq(blog_id: int) -> int:
    return LiveState.objects.filter(blog_id=blog_id).values_list("last_seq", flat=True).first() or 0


def visibility_and_position(blog_id: int) -> tuple[bool, int]:
    """Whether readers may see the blog, and its last sequence number if so."""
    visible = visible_blog(blog_id) is not None
    return visible, last_seq(blog_id) if visible else 0


def events_after(blog_id: int, after: int, limit: int | None = None) -> list[LiveEvent]:
    events = LiveEvent.objects.filter(blog_id=blog_id, seq__gt=after).order_by("seq")
    return list(events[:limit] if limit else events)


def visible_events_after(blog_id: int, after: int) -> list[LiveEvent] | None:
    """The events after `after`, or None when readers may not see the blog: what
    replay and live delivery both read, under the one visibility rule."""
    if visible_blog(blog_id) is None:
        return None
    return events_after(blog_id, after)


def can_replay(after: int, newest: int) -> bool:
    """Whether a reader at `after` can be brought up to `newest` by replay alone."""
    return 0 <= after <= newest and newest - after <= settings.LIVE_MAX_REPLAY


def start_after(position: str | None, newest: int) -> int | None:
    """Where a stream starts: after `position` (a Last-Event-ID or `?after=`), or
    at `newest` when none was given. None when the position cannot be honoured
    (not a number, ahead of the blog, or too far behind): the reader must reset."""
    if position is None or position.strip() == "":
        return newest
    try:
        after = int(position)
    except ValueError:
        return None
    return after if can_replay(after, newest) else None


def sse_message(event: LiveEvent) -> bytes:
    """One event as Server-Sent Events bytes: serialised once, sent to every reader."""
    data = json.dumps(event.as_json(), ensure_ascii=False, separators=(",", ":"))
    return f"id: {event.seq}\nevent: {event.type}\ndata: {data}\n\n".encode()


RETRY = b"retry: 3000\n\n"
RESET = b"event: reset\ndata: {}\n\n"
HEARTBEAT = b": heartbeat\n\n"
