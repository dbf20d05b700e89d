"""Stories as cards: what every list of stories in the API shows of each one.

The front page, topic hubs, search, the story lists and an article's related
stories all serialise their stories here, loaded in a fixed number of queries.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import HttpResponse
from django.utils.http import http_date
from ninja import Field, Schema

from dateline.articles.listing import preload
from dateline.articles.models import StoryPage, TopicPage
from dateline.editions.models import EditionPage
from dateline.lib.absolute import absolute_url

from .pagination import PageMeta, newest_first
from .photos import RENDITION_WIDTHS, PhotoOut, photo_out
from .problems import Problem


class TopicRef(Schema):
    id: int
    title: str
    slug: str
    url: str


class StoryCardOut(Schema):
    id: int
    type: Literal["article", "liveblog"] = Field(
        ..., description="Read the whole story at /api/v1/articles/{id} or /api/v1/liveblogs/{id}."
    )
    headline: str
    standfirst: str
    url: str = Field(..., description="The story's one canonical URL on the site.")
    edition: str = Field(..., description="The slug of the story's home edition.")
    topic: TopicRef | None
    lead_image: PhotoOut | None
    first_published_at: datetime | None
    last_updated: datetime | None


class StoryList(PageMeta):
    items: list[StoryCardOut]


class BylineOut(Schema):
    name: str
    role: str
    url: str


class LiveCoverageRef(Schema):
    id: int
    headline: str
    url: str


class TranslationOut(Schema):
    id: int = Field(..., description="The version's id, under the same resource as the story.")
    language: str = Field(..., description="BCP 47, as its home edition's: en-US, es-ES.")
    edition: str = Field(..., description="The slug of the version's home edition.")
    url: str = Field(..., description="The version's one canonical URL on the site.")


class CommentsRef(Schema):
    mode: Literal["post", "pre", "closed"]
    url: str = Field(..., description="The story's comments in the API.")


def story_type(story: StoryPage) -> str:
    return "liveblog" if story.specific_class._meta.model_name == "liveblogpage" else "article"


def topic_ref(topic: TopicPage | None, request) -> dict | None:
    if topic is None:
        return None
    return {
        "id": topic.pk,
        "title": topic.title,
        "slug": topic.slug,
        "url": absolute_url(request, topic.url),
    }


def prime_for_cards(stories: list[StoryPage]) -> list[StoryPage]:
    """Loads what `story_card` reads for many (specific) stories at once."""
    return preload(stories, renditions=[f"width-{width}" for width in RENDITION_WIDTHS])


def story_card(story: StoryPage, request) -> dict:
    return {
        "id": story.pk,
        "type": story_type(story),
        "headline": story.title,
        "standfirst": story.standfirst,
        "url": absolute_url(request, story.url),
        "edition": story.edition.slug if story.edition else "",
        "topic": topic_ref(story.topic, request),
        "lead_image": photo_out(story.lead_image, request, story.caption)
        if story.lead_image
        else None,
        "first_published_at": story.first_published_at,
        "last_updated": story.last_updated,
    }


def translations_out(story: StoryPage, request) -> list[dict]:
    """The story's versions in other languages that readers may see."""
    return [
        {
            "id": version.pk,
            "language": home.language,
            "edition": home.slug,
            "url": absolute_url(request, version.get_url(request)),
        }
        for version, home in story.visible_translations()
    ]


def live_coverage_ref(blog, request) -> dict:
    return {"id": blog.pk, "headline": blog.title, "url": absolute_url(request, blog.url)}


def story_cards_page(stories, request, cursor: str | None, limit: int) -> dict:
    rows, next_cursor = newest_first(stories.specific(), cursor, limit)
    return {
        "items": [story_card(story, request) for story in prime_for_cards(rows)],
        "next": next_cursor,
    }


def readable_edition(slug: str) -> EditionPage:
    edition = EditionPage.objects.visible_to_readers().filter(slug=slug).first()
    if edition is None:
        raise Problem(404, "Not found", f"There is no edition {slug!r}.")
    return edition


def with_last_modified(response: HttpResponse, moment: datetime | None) -> None:
    """Lets clients revalidate with If-Modified-Since (answered by the API's middleware)."""
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())
