"""The ASGI entry point.

Live streams (`/api/v1/liveblogs/{id}/stream`) go to a lean handler in
`dateline.live.stream`, and readers' pages in the page cache are answered from
it (`dateline.lib.page_cache`); everything else goes to Django. Lifespan events start
a background-job worker in the server process (unless DATELINE_JOBS_IN_SERVER is
off, where `dateline worker` processes run them) and the demo's simulated
correspondent when the demo asks for it.
"""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
django_application = get_asgi_application()

from dateline.lib.page_cache import answer_from_cache  # noqa: E402
from dateline.live.stream import STREAM_PATH, stream  # noqa: E402  (needs Django set up)


async def application(scope, receive, send):
    if scope["type"] == "http":
        match = STREAM_PATH.match(scope["path"])
        if match:
            await stream(scope, receive, send, int(match.group(1)))
            return
        if await answer_from_cache(scope, send):
            return
    elif scope["type"] == "lifespan":
        await lifespan(receive, send)
        return
    await django_application(scope, receive, send)


def tune_garbage_collector():
    """With thousands of live readers the heap holds over a million objects, and
    default thresholds ran full collections that stalled every reader for up to
    seconds (bench/live.py). Start-up objects are frozen out of collection and
    collections run less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


async def lifespan(receive, send):
    from dateline.demo import correspondent
    from dateline.jobs import in_server

    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            tune_garbage_collector()
            correspondent.start_if_enabled()
            in_server.start()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await correspondent.stop()
            await in_server.stop()
            await send({"type": "lifespan.shutdown.complete"})
            return
