"""Prints the database's plan for the queries readers' pages run, for `pages.py`.

Run with the bench's environment: `python bench/throughput/explain.py`.
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

import django
from django.db.models import Q

django.setup()

from wagtail.models import Page  # noqa: E402

from dateline.articles.front_page import stories_in  # noqa: E402
from dateline.articles.models import ArticlePage, StoryPage  # noqa: E402
from dateline.editions.models import EditionPage  # noqa: E402
from dateline.live.models import LiveBlogPage, LiveEvent, LivePost  # noqa: E402

FRONT_PAGE_SIZE = 25


def plans():
    edition = EditionPage.objects.get(slug="es")
    article = ArticlePage.objects.filter(path__startswith=edition.path).first()
    blog = LiveBlogPage.objects.get(slug="tormenta-aurelia-en-directo")
    shown = stories_in(edition)
    yield (
        "route: the page by its URL path",
        Page.objects.filter(depth=article.depth, slug=article.slug, url_path=article.url_path),
    )
    yield (
        "front page: newest stories of the edition",
        shown.newest_first().values_list("pk")[:FRONT_PAGE_SIZE],
    )
    yield "article: the page with what it shows", ArticlePage.served_with().filter(pk=article.pk)
    yield "live blog: newest posts", LivePost.objects.filter(blog=blog)[:21]
    marked = LivePost.objects.filter(blog=blog).filter(Q(is_pinned=True) | Q(is_key_event=True))
    yield (
        "live blog: pinned and key events",
        marked.order_by("-is_pinned", "-published_at", "-pk")[:21],
    )
    yield "live events after a sequence number", LiveEvent.objects.filter(blog=blog, seq__gt=1)
    yield "feed: newest 50 stories", shown.newest_first()[:50]
    yield (
        "sitemap: a page of homed stories",
        StoryPage.objects.visible_to_readers().homed_in(edition).newest_first()[:1000],
    )


def main() -> None:
    for title, queryset in plans():
        print(f"-- {title}")
        print(queryset.explain())
        print()


if __name__ == "__main__":
    main()
