"""Grows the demo's archive through the project's own models, for `pages.py --grow`.

Run with the bench's environment (DATELINE_VAR_DIR or DATABASE_URL):

    python bench/throughput/grow.py ARTICLES POSTS

Adds ARTICLES articles spread over the editions (Wagtail pages, made with
`add_child` as the admin makes them: the tree has no bulk insert) and POSTS
posts to the Spanish live blog (bulk, as the desk's plain model allows, then
one event to keep its sequence). Prints how long each part took.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from dateline.articles.models import ArticlePage, TopicPage  # noqa: E402
from dateline.editions.models import EditionPage  # noqa: E402
from dateline.lib.sanitize import text_to_html  # noqa: E402
from dateline.live.models import LiveBlogPage, LivePost, LiveState  # noqa: E402

LIVE_BLOG = "tormenta-aurelia-en-directo"
CHUNK = 500


def grow_articles(count: int) -> None:
    editions = list(EditionPage.objects.order_by("path"))
    topics = {t.path[:12]: t for t in TopicPage.objects.all()}
    start = timezone.now() - timedelta(days=400)
    made = 0
    while made < count:
        with transaction.atomic():
            for n in range(made, min(count, made + CHUNK)):
                edition = editions[n % len(editions)]
                edition.add_child(
                    instance=ArticlePage(
                        title=f"Archive story {n}",
                        slug=f"archive-story-{n}",
                        standfirst="An older story from the archive.",
                        topic=topics.get(edition.path),
                        body=[{"type": "paragraph", "value": f"<p>Archive text {n}.</p>"}],
                        first_published_at=start + timedelta(minutes=n),
                        last_published_at=start + timedelta(minutes=n),
                        live=True,
                    )
                )
            made = min(count, made + CHUNK)
        print(f"  {made} articles", file=sys.stderr, flush=True)


def grow_posts(count: int) -> None:
    blog = LiveBlogPage.objects.get(slug=LIVE_BLOG)
    start = timezone.now() - timedelta(days=30)
    for first in range(0, count, 5000):
        LivePost.objects.bulk_create(
            LivePost(
                blog=blog,
                body_source=f"Archive post {n}.",
                body=text_to_html(f"Archive post {n}."),
                published_at=start + timedelta(seconds=n),
                updated_at=start + timedelta(seconds=n),
                is_key_event=n % 500 == 0,
            )
            for n in range(first, min(count, first + 5000))
        )
    LiveState.objects.filter(blog=blog).update(last_seq=LiveState.objects.get(blog=blog).last_seq)


def main() -> None:
    articles, posts = int(sys.argv[1]), int(sys.argv[2])
    started = time.monotonic()
    grow_posts(posts)
    print(f"posts: {posts} in {time.monotonic() - started:.1f}s", flush=True)
    started = time.monotonic()
    grow_articles(articles)
    print(f"articles: {articles} in {time.monotonic() - started:.1f}s", flush=True)


if __name__ == "__main__":
    main()
