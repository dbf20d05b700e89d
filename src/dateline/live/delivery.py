"""Reading events for readers: one visibility rule for replay, polling and live delivery.

Where a reader stands is a position: an event's id, `<epoch>-<seq>` (the
blog's epoch and the sequence number of the last event it applied), or, where
the contract allows it (`?after=` on the stream and on polling), a bare
`<seq>`. An id qualified by another epoch (another blog's, or one from before
the blog's sequence restarted) is never honoured: the reader resets.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from django.conf import settings

from dateline.editions.access import readable

from .models import LiveBlogPage, LiveEvent, LiveState

# What a position looks like; anything else is malformed. The epoch's part is
# looser than what `new_epoch` makes, so an id of any epoch parses and is then
# told apart by comparison. At most 18 digits: always within the database's
# range, and more events than any blog will have.
POSITION_PATTERN = r"^(?:[0-9A-Za-z]{1,32}-)?[0-9]{1,18}$"
_POSITION = re.compile(r"(?:([0-9A-Za-z]{1,32})-)?([0-9]{1,18})", re.ASCII)


class Position(NamedTuple):
    epoch: str | None  # None for a bare sequence number
    seq: int


def parse_position(text: str | None) -> Position | None:
    """The position `text` names, or None when it is malformed."""
    match = _POSITION.fullmatch((text or "").strip())
    return Position(match[1], int(match[2])) if match else None


def event_id(epoch: str, seq: int) -> str:
    """An event's SSE id: its sequence number, qualified by the blog's epoch."""
    return f"{epoch}-{seq}"


def visible_blog(blog_id: int, user=None) -> LiveBlogPage | None:
    """The blog if its events may be read: published for readers, or editable by the user."""
    return readable(LiveBlogPage.objects, blog_id, user)


def epoch_and_last_seq(blog_id: int) -> tuple[str, int]:
    state = LiveState.objects.filter(blog_id=blog_id).values_list("epoch", "last_seq").first()
    return state or ("", 0)


def visibility_and_position(blog_id: int) -> tuple[bool, str, int]:
    """Whether readers may see the blog, and if so its epoch and last sequence number."""
    if visible_blog(blog_id) is None:
        return False, "", 0
    return True, *epoch_and_last_seq(blog_id)


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


def replay_after(position: Position | None, epoch: str, newest: int) -> int | None:
    """The sequence number replay starts after, for a reader at `position` of a blog
    now at `epoch` and `newest`; None when it cannot be honoured (malformed,
    another epoch, ahead of the blog, or too far behind): the reader must reset."""
    if position is None or position.epoch not in (None, epoch):
        return None
    return position.seq if can_replay(position.seq, newest) else None


def start_after(
    last_event_id: str | None, after: str | None, epoch: str, newest: int
) -> int | None:
    """Where a stream starts: after the `Last-Event-ID` a reconnecting client sent
    (an event's id, so always qualified by an epoch), else after the `?after=`
    position (bare or qualified), else at `newest`. None when the reader must reset."""
    if last_event_id:
        position = parse_position(last_event_id)
        if position is None or position.epoch is None:
            return None
        return replay_after(position, epoch, newest)
    if after is not None and after.strip() != "":
        return replay_after(parse_position(after), epoch, newest)
    return newest


def sse_message(event: LiveEvent, epoch: str) -> bytes:
    """One event as Server-Sent Events bytes: serialised once, sent to every reader."""
    data = json.dumps(event.as_json(), ensure_ascii=False, separators=(",", ":"))
    return f"id: {event_id(epoch, event.seq)}\nevent: {event.type}\ndata: {data}\n\n".encode()


RETRY = b"retry: 3000\n\n"
RESET = b"event: reset\ndata: {}\n\n"
HEARTBEAT = b": heartbeat\n\n"
