"""The demo's simulated correspondent: files a sample post to each open demo live
blog every so often while `dateline demo` runs (DATELINE_DEMO_CORRESPONDENT=1).
Posts go through the normal publishing action, so readers see them arrive live."""

from __future__ import annotations

import asyncio
import logging
import os
import random

from asgiref.sync import sync_to_async

log = logging.getLogger(__name__)
_task: asyncio.Task | None = None


def start_if_enabled() -> None:
    global _task
    if os.environ.get("DATELINE_DEMO_CORRESPONDENT") == "1" and _task is None:
        interval = float(os.environ.get("DATELINE_DEMO_CORRESPONDENT_SECONDS", "20"))
        _task = asyncio.get_running_loop().create_task(_run(interval))


async def stop() -> None:
    global _task
    if _task is not None:
        _task.cancel()
        _task = None


def file_one_post(turn: int) -> int:
    """Publishes the next sample line to every open demo live blog; returns how many."""
    from django.contrib.auth import get_user_model

    from dateline.live import actions
    from dateline.live.models import LiveBlogPage

    from . import live_posts

    author = get_user_model().objects.filter(username="correspondent").first()
    if author is None:
        return 0
    filed = 0
    for blog in (
        LiveBlogPage.objects.visible_to_readers()
        .open()
        .filter(slug__in=["tormenta-aurelia-en-directo", "storm-aurelia-live"])
    ):
        lines = (
            live_posts.ENGLISH_LINES
            if blog.edition.language.startswith("en")
            else live_posts.SPANISH_LINES
        )
        actions.do_publish_post(blog, author, lines[turn % len(lines)])
        filed += 1
    return filed


async def _run(interval: float) -> None:
    turn = 0
    while True:
        await asyncio.sleep(interval * random.uniform(0.7, 1.3))
        try:
            await sync_to_async(file_one_post, thread_sensitive=False)(turn)
        except Exception:
            log.exception("the simulated correspondent could not file a post")
        turn += 1
