"""Which feeds a page announces in its head, so readers' apps find them.

A page in an edition announces the edition's feeds, and a topic hub or a story
with a topic also that topic's. The home page, which belongs to no edition,
announces each edition's RSS feed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from wagtail.models import Page

from dateline.articles.models import TopicPage, readers_topics
from dateline.editions.models import EditionPage, HomePage, readers_editions
from dateline.lib.absolute import absolute_url

from .items import FORMATS, RSS, FeedFormat


@dataclass(frozen=True)
class FeedLink:
    title: str
    type: str
    url: str


def feed_links_of(request, page: Page | None) -> list[FeedLink]:
    if isinstance(page, HomePage):
        return [_link(request, RSS, edition) for edition in readers_editions()]
    edition = getattr(page, "edition", None)
    if edition is None:
        return []
    links = [_link(request, feed_format, edition) for feed_format in FORMATS]
    topic = page if isinstance(page, TopicPage) else getattr(page, "topic", None)
    if topic is not None and topic.pk in readers_topics():
        # A story's topic label links to its hub, in its own edition.
        hub_edition = edition if topic.path.startswith(edition.path) else topic.edition
        links += [_link(request, feed_format, hub_edition, topic) for feed_format in FORMATS]
    return links


def _link(
    request, feed_format: FeedFormat, edition: EditionPage, topic: TopicPage | None = None
) -> FeedLink:
    kwargs = {"edition": edition.slug}
    if topic is None:
        title = f"{edition.title} — {feed_format.name}"
    else:
        title = f"{topic.title} ({edition.title}) — {feed_format.name}"
        kwargs["topic"] = topic.slug
    url = reverse(f"feeds:{feed_format.key}", kwargs=kwargs)
    return FeedLink(title=title, type=feed_format.content_type, url=absolute_url(request, url))
