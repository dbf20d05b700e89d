"""What every feed says, whatever its format.

A feed's source is an edition, or a topic hub in one; its items are the newest
stories readers may see there (`StoryPage.objects.visible_to_readers()`), so
drafts, private and not-yet-live stories are never in a feed. RSS, Atom and
JSON Feed all print the same `FeedItem`s.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext

from dateline.articles.listing import preload
from dateline.articles.models import SHARE_IMAGE_SPEC, StoryPage, TopicPage
from dateline.editions.models import EditionPage, NewsroomSettings
from dateline.lib.absolute import absolute_url

FEED_LENGTH = 50


@dataclass(frozen=True)
class FeedFormat:
    key: str  # the URL name in the feeds namespace
    filename: str
    name: str
    content_type: str


RSS = FeedFormat("rss", "rss.xml", "RSS", "application/rss+xml")
ATOM = FeedFormat("atom", "atom.xml", "Atom", "application/atom+xml")
JSON_FEED = FeedFormat("json", "feed.json", "JSON Feed", "application/feed+json")
FORMATS = (RSS, ATOM, JSON_FEED)


@dataclass(frozen=True)
class FeedImage:
    url: str
    length: int
    mime_type: str
    width: int
    height: int
    credit: str


@dataclass(frozen=True)
class FeedItem:
    id: str
    title: str
    url: str
    summary: str
    authors: list[str]
    published: datetime
    updated: datetime
    category: str | None
    image: FeedImage | None


@dataclass(frozen=True)
class FeedSource:
    edition: EditionPage
    topic: TopicPage | None
    title: str
    description: str
    language: str
    publisher: str
    link: str  # the front page or topic hub the feed follows
    self_url: str
    items: list[FeedItem]


def load_feed(request, edition_slug: str, topic_slug: str | None = None) -> FeedSource:
    """The feed a URL names, with its items; 404 for an edition or topic readers cannot see."""
    edition = get_object_or_404(EditionPage.objects.visible_to_readers(), slug=edition_slug)
    topic = None
    if topic_slug is not None:
        topic = get_object_or_404(
            TopicPage.objects.child_of(edition).visible_to_readers(), slug=topic_slug
        )
    publisher = NewsroomSettings.load(request_or_site=request).publisher_name
    name = f"{publisher} {edition.title}"
    with translation.override(edition.language):
        if topic is None:
            title = name
            default = gettext("Latest stories from %(name)s") % {"name": name}
            description = edition.meta_description or default
            stories = StoryPage.objects.visible_to_readers().in_edition(edition)
        else:
            title = f"{topic.title} — {name}"
            default = gettext("Latest stories on %(topic)s from %(name)s") % {
                "topic": topic.title,
                "name": name,
            }
            description = topic.meta_description or default
            stories = topic.stories()
    stories = preload(
        stories.newest_first().specific()[:FEED_LENGTH],
        renditions=[SHARE_IMAGE_SPEC],
        bylines=True,
        circulation=True,
    )
    return FeedSource(
        edition=edition,
        topic=topic,
        title=title,
        description=description,
        language=edition.language,
        publisher=publisher,
        link=absolute_url(request, (topic or edition).get_url(request)),
        self_url=absolute_url(request, request.path),
        items=list(feed_items(request, stories)),
    )


def feed_items(request, stories: Iterable[StoryPage]) -> Iterator[FeedItem]:
    """Each story as every feed format lists it.

    Precondition: loaded by `listing.preload()` with bylines and circulation.
    """
    stories = list(stories)
    # A topic label names only a hub readers may see (not a draft or a private one).
    shown = set(
        TopicPage.objects.visible_to_readers()
        .filter(pk__in={story.topic_id for story in stories if story.topic_id})
        .values_list("pk", flat=True)
    )
    for story in stories:
        topic = story.topic if story.topic_id in shown else None
        yield FeedItem(
            # Stable through edits, moves and a change of domain, unlike the URL.
            id=f"urn:uuid:{story.translation_key}",
            title=story.title,
            url=absolute_url(request, story.get_url(request)),
            summary=story.standfirst,
            authors=[author.name for author in story.authors],
            published=story.first_published_at,
            updated=story.last_updated,
            category=topic.title if topic else None,
            image=_image(request, story),
        )


def _image(request, story: StoryPage) -> FeedImage | None:
    rendition = story.share_image
    if rendition is None:
        return None
    return FeedImage(
        url=absolute_url(request, rendition.url),
        length=rendition.file.size,
        mime_type=mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream",
        width=rendition.width,
        height=rendition.height,
        credit=story.lead_image.credit,
    )
