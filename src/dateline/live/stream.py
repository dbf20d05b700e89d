"""GET /api/v1/liveblogs/{id}/stream: Server-Sent Events, as a plain ASGI app.

The stream stays off Django's per-request machinery (middleware, sessions,
templates): one process holds many thousands of these, and each costs only a
small queue and a coroutine. Visibility, replay and the events themselves come
from `live.delivery`, the same code the polling endpoint uses.

Each message's id is `<epoch>-<seq>` (`delivery.event_id`). Where a reader
starts: the `Last-Event-ID` header (sent by a reconnecting EventSource, so an
id), else `?after=` (the page's own position, `<epoch>-<seq>` or a bare seq),
else now. A position the server cannot honour (another blog's or another
epoch's, ahead of the blog, malformed, or further back than LIVE_MAX_REPLAY)
gets an explicit `reset` event and the stream ends.

One client address holds at most LIVE_MAX_STREAMS_PER_IP streams open in a
process; one more is refused with 429 and `Retry-After`, and a stream that ends
frees its place.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from urllib.parse import parse_qs

from django.conf import settings

from dateline.lib.addresses import client_ip_of_scope
from dateline.lib.ids import is_database_id

from . import db, delivery
from .fanout import Hub, Reader, get_hub

# The stream's path, answered here before Django (`dateline.asgi` routes it);
# the API documents it as GET /api/v1/liveblogs/{id}/stream.
STREAM_PATH = re.compile(r"^/api/v1/liveblogs/(\d+)/stream/?$")

# When an address over its cap of streams may try again, in seconds.
RETRY_AFTER = b"30"

HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache, no-transform"),
    (b"x-accel-buffering", b"no"),
    (b"access-control-allow-origin", b"*"),
]


def _problem(status: int, title: str, detail: str) -> tuple[int, bytes]:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return status, json.dumps(body).encode()


def _not_found(blog_id: int) -> tuple[int, bytes]:
    return _problem(404, "Not found", f"No live blog {blog_id} is published.")


def _start_position(scope) -> tuple[str | None, str | None]:
    """The `Last-Event-ID` header and the `?after=` parameter, as sent."""
    last_event_id = None
    for name, value in scope.get("headers", ()):
        if name == b"last-event-id":
            last_event_id = value.decode("latin-1").strip()
            break
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return last_event_id, query.get("after", [None])[0]


async def stream(scope, receive, send, blog_id: int) -> None:
    if scope["method"] not in ("GET", "HEAD"):
        status, body = _problem(405, "Method not allowed", "The stream only answers GET.")
        await _send_problem(send, status, body, extra=[(b"allow", b"GET")])
        return
    if not is_database_id(blog_id):
        # The path takes any digits; a number the database cannot hold names no blog.
        await _send_problem(send, *_not_found(blog_id))
        return
    hub = get_hub()
    address = client_ip_of_scope(scope)
    if not hub.admit(address):
        status, body = _problem(
            429,
            "Too many requests",
            f"This address holds {settings.LIVE_MAX_STREAMS_PER_IP} live streams already: close "
            f"one, or poll /api/v1/liveblogs/{blog_id}/events.",
        )
        await _send_problem(send, status, body, extra=[(b"retry-after", RETRY_AFTER)])
        return
    try:
        await _serve(scope, receive, send, hub, blog_id)
    finally:
        hub.release(address)


async def _serve(scope, receive, send, hub: Hub, blog_id: int) -> None:
    last_event_id, position = _start_position(scope)
    # A blog this process already streams needs no database read to admit one
    # more reader; the database decides when the channel cannot (a position
    # ahead of what the channel has delivered, say).
    channel = hub.channels.get(blog_id)
    known = channel.known_position() if channel is not None else None
    after = None
    if known is not None:
        epoch, newest = known
        after = delivery.start_after(last_event_id, position, epoch, newest)
    if after is None:
        visible, epoch, newest = await db.read(delivery.visibility_and_position, blog_id)
        if not visible:
            await _send_problem(send, *_not_found(blog_id))
            return
        after = delivery.start_after(last_event_id, position, epoch, newest)

    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": delivery.RETRY, "more_body": True})
    if after is None:
        await send({"type": "http.response.body", "body": delivery.RESET, "more_body": False})
        return

    reader = Reader(send, after)
    channel = await hub.join(blog_id, reader)
    # The fan-out writes to this response itself; this coroutine replays what
    # the reader missed and then only waits for the client to go, or for the
    # reader to be dropped as too slow (it then reconnects with Last-Event-ID).
    disconnected = asyncio.ensure_future(_until_disconnect(receive))
    try:
        # What the channel delivered before this reader joined is replayed
        # from the database; what it delivers from now on reaches the reader
        # directly, or waits in its backlog until the replay is written (and
        # then goes out without what the replay already sent).
        missed = (
            await db.read(delivery.visible_events_after, blog_id, after)
            if after < channel.last_seq
            else []
        )
        if missed is None:
            reader.drop()  # no longer visible: on reconnecting the reader is told so
        for event in missed or ():
            await send(
                {
                    "type": "http.response.body",
                    "body": delivery.sse_message(event, epoch),
                    "more_body": True,
                }
            )
            reader.last_seq = event.seq
        await reader.write_backlog()
        await asyncio.wait((disconnected, reader.ended), return_when=asyncio.FIRST_COMPLETED)
    except OSError:
        pass  # the client went away mid-write
    finally:
        gone = disconnected.done()
        reader.close()
        hub.leave(blog_id, reader)
        disconnected.cancel()
    if not gone:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            # The client may be gone, or too slow to take even this.
            async with asyncio.timeout(5):
                await send({"type": "http.response.body", "body": b"", "more_body": False})


async def _until_disconnect(receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _send_problem(send, status: int, body: bytes, extra=()) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/problem+json"), *extra],
        }
    )
    await send({"type": "http.response.body", "body": body})
