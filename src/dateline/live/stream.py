"""GET /api/v1/liveblogs/{id}/stream: Server-Sent Events, as a plain ASGI app.

The stream stays off Django's per-request machinery (middleware, sessions,
templates): one process holds many thousands of these, and each costs only a
small queue and a coroutine. Visibility, replay and the events themselves come
from `live.delivery`, the same code the polling endpoint uses.

Where a reader starts: the `Last-Event-ID` header (sent by a reconnecting
EventSource), else `?after=SEQ` (the page's own position), else now. A position
the server cannot honour (ahead of the blog, not a number, or further back than
LIVE_MAX_REPLAY) gets an explicit `reset` event and the stream ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from urllib.parse import parse_qs

from . import db, delivery
from .fanout import Reader, get_hub

HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache, no-transform"),
    (b"x-accel-buffering", b"no"),
    (b"access-control-allow-origin", b"*"),
]


def _problem(status: int, title: str, detail: str) -> tuple[int, bytes]:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return status, json.dumps(body).encode()


def _start_position(scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"last-event-id":
            return value.decode("latin-1").strip()
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return query.get("after", [None])[0]


def _open(blog_id: int) -> tuple[bool, int]:
    visible = delivery.visible_blog(blog_id) is not None
    return visible, delivery.last_seq(blog_id) if visible else 0


async def stream(scope, receive, send, blog_id: int) -> None:
    if scope["method"] not in ("GET", "HEAD"):
        status, body = _problem(405, "Method not allowed", "The stream only answers GET.")
        await _send_problem(send, status, body, extra=[(b"allow", b"GET")])
        return
    visible, newest = await db.read(_open, blog_id)
    if not visible:
        status, body = _problem(404, "Not found", f"No live blog {blog_id} is published.")
        await _send_problem(send, status, body)
        return

    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": delivery.RETRY, "more_body": True})

    after = delivery.start_after(_start_position(scope), newest)
    if after is None:
        await send({"type": "http.response.body", "body": delivery.RESET, "more_body": False})
        return

    reader = Reader(after)
    hub = get_hub()
    await hub.join(blog_id, reader)
    # The watcher drops the reader when the client goes: the loop below then
    # needs nothing but one plain queue read per message (a task and a wait()
    # per message cost several times the write itself, times every reader).
    disconnected = asyncio.create_task(_drop_on_disconnect(receive, reader))
    try:
        # Replay what the reader missed; events that arrive meanwhile wait in its
        # queue and are skipped below if replay already sent them.
        for event in await db.read(delivery.events_after, blog_id, after):
            await send(
                {
                    "type": "http.response.body",
                    "body": delivery.sse_message(event),
                    "more_body": True,
                }
            )
            reader.last_seq = event.seq
        while not reader.dropped:
            first, last, message, events = await reader.queue.get()
            if last < 0 or reader.dropped:
                break  # gone, or dropped as too slow: it reconnects with Last-Event-ID
            if last and last <= reader.last_seq:
                continue  # replay already sent all of it
            if first and first <= reader.last_seq:
                # Replay sent part of this batch: send only the rest, never twice.
                message = b"".join(m for seq, m in events if seq > reader.last_seq)
            await send({"type": "http.response.body", "body": message, "more_body": True})
            if last:
                reader.last_seq = last
    except OSError:
        pass  # the client went away mid-write
    finally:
        hub.leave(blog_id, reader)
        disconnected.cancel()
    with contextlib.suppress(OSError, RuntimeError):  # the client may be gone already
        await send({"type": "http.response.body", "body": b"", "more_body": False})


async def _drop_on_disconnect(receive, reader: Reader) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            reader.drop()
            return


async def _send_problem(send, status: int, body: bytes, extra=()) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/problem+json"), *extra],
        }
    )
    await send({"type": "http.response.body", "body": body})
