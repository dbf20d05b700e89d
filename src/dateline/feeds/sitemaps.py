"""Sitemaps: one per edition (paged), an index of them, and Google News'.

An edition's sitemap lists its front page, its topic hubs and every story
homed in it, each with `hreflang` alternates: front pages point at every
edition's front page and `x-default`, hubs at the same topic's hubs elsewhere,
and a story (which has one URL) at itself under its home edition's language
and each edition it is circulated to.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from dateline.articles.front_page import topics_of
from dateline.articles.listing import preload
from dateline.articles.models import StoryPage, TopicPage, versions_by_edition, visible_versions
from dateline.editions.models import EditionPage, HomePage, edition_path, editions_by_path
from dateline.lib.absolute import absolute_url
from dateline.lib.dates import iso

# Stories are loaded this many at a time, so that a page of many URLs never asks
# the database for more rows (or SQLite for more parameters) than it can take.
BATCH = 1000
NEWS_HOURS = 48
NEWS_MAX = 1000  # Google News reads at most this many URLs per sitemap


@dataclass(frozen=True)
class SitemapEntry:
    location: str
    lastmod: str | None
    alternates: list[tuple[str, str]]  # (hreflang, URL)


@dataclass(frozen=True)
class NewsEntry:
    location: str
    language: str
    published: str
    title: str


def live_editions() -> list[EditionPage]:
    return list(EditionPage.objects.visible_to_readers().order_by("path"))


def index(request) -> list[str]:
    """The URL of every page of every edition's sitemap."""
    urls = []
    for edition in live_editions():
        url = absolute_url(request, reverse("feeds:edition_sitemap", args=[edition.slug]))
        pages = EditionSitemap(request, edition).page_count
        urls += [url, *(f"{url}?p={number}" for number in range(2, pages + 1))]
    return urls


class EditionSitemap:
    """An edition's front page, topic hubs and homed stories, in pages of at most
    `SITEMAP_MAX_URLS` URLs (the sitemaps protocol allows 50,000 per file)."""

    def __init__(self, request, edition: EditionPage):
        self.request = request
        self.edition = edition
        self.stories = StoryPage.objects.visible_to_readers().homed_in(edition).newest_first()

    @cached_property
    def hubs(self) -> list[TopicPage]:
        return list(topics_of(self.edition))

    @cached_property
    def editions(self) -> dict[int, EditionPage]:
        return {edition.pk: edition for edition in live_editions()}

    @property
    def page_count(self) -> int:
        urls = 1 + len(self.hubs) + self.stories.count()
        return math.ceil(urls / settings.SITEMAP_MAX_URLS)

    def entries(self, number: int) -> Iterator[SitemapEntry]:
        """Page `number` (from 1): the front page and hubs first, then the stories."""
        size = settings.SITEMAP_MAX_URLS
        start, stop = (number - 1) * size, number * size
        head = [self.edition, *self.hubs]
        for page in head[start:stop]:
            yield self._front_page() if page is self.edition else self._hub(page)
        first, last = max(0, start - len(head)), stop - len(head)
        for offset in range(first, last, BATCH):
            batch = self.stories.specific()[offset : min(offset + BATCH, last)]
            stories = preload(batch, renditions=(), circulation=True)
            versions = visible_versions(stories)
            yield from (self._story(story, versions) for story in stories)
            if len(stories) < BATCH:
                break

    def _url(self, page) -> str:
        return absolute_url(self.request, page.get_url(self.request))

    def _front_page(self) -> SitemapEntry:
        newest = _newest_published(StoryPage.objects.visible_to_readers().in_edition(self.edition))
        home = HomePage.objects.live().first()
        return SitemapEntry(
            location=self._url(self.edition),
            lastmod=iso(_latest(self.edition.last_published_at, newest)),
            alternates=[
                *((edition.language, self._url(edition)) for edition in self.editions.values()),
                ("x-default", self._url(home) if home else absolute_url(self.request, "/")),
            ],
        )

    def _hub(self, topic: TopicPage) -> SitemapEntry:
        counterparts = topic.counterparts()
        return SitemapEntry(
            location=self._url(topic),
            lastmod=iso(_latest(topic.last_published_at, _newest_published(topic.stories()))),
            alternates=[
                (edition.language, absolute_url(self.request, counterparts[pk]))
                for pk, edition in self.editions.items()
                if pk in counterparts
            ],
        )

    def _story(self, story: StoryPage, versions: dict) -> SitemapEntry:
        """The story, with the same alternates as its page's `hreflang`: each
        edition where a version of it runs (`versions_by_edition`)."""
        translations = [pair for pair in versions[story.translation_key] if pair[0].pk != story.pk]
        found = versions_by_edition(story, self.edition, translations)
        return SitemapEntry(
            location=self._url(story),
            lastmod=iso(story.last_updated),
            alternates=[
                (edition.language, self._url(found[pk][0]))
                for pk, edition in self.editions.items()
                if pk in found
            ],
        )


def _newest_published(stories) -> datetime | None:
    """When the newest of the stories a front page or hub shows was published."""
    return stories.newest_first().values_list("first_published_at", flat=True).first()


def _latest(*moments: datetime | None) -> datetime | None:
    return max((moment for moment in moments if moment is not None), default=None)


def news_entries(request) -> list[NewsEntry]:
    """Stories first published in the last 48 hours, newest first, in every edition."""
    since = timezone.now() - timedelta(hours=NEWS_HOURS)
    stories = list(
        StoryPage.objects.visible_to_readers()
        .filter(first_published_at__gte=since)
        .newest_first()[:NEWS_MAX]
    )
    editions = editions_by_path(story.path for story in stories)
    return [
        NewsEntry(
            location=absolute_url(request, story.get_url(request)),
            # Google News wants the ISO 639 language, not the region: es, en.
            language=editions[edition_path(story)].language_short,
            published=iso(story.first_published_at),
            title=story.title,
        )
        for story in stories
    ]
