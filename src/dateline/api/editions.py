"""Editions and their front pages in the API."""

from __future__ import annotations

from ninja import Field, Path, Router, Schema

from dateline.articles.front_page import front_page, topics_of
from dateline.editions.models import EditionPage
from dateline.lib.absolute import absolute_url

from .cards import StoryCardOut, TopicRef, prime_for_cards, readable_edition, story_card, topic_ref
from .topics import TopicList, topic_out
from .types import SLUG

router = Router(tags=["editions"])
EditionSlug = Path(..., pattern=SLUG, description="The edition's slug, e.g. es or cl.")


class EditionOut(Schema):
    id: int
    slug: str = Field(..., description="The edition's URL prefix and its id in this API.")
    name: str
    language: str = Field(..., description="BCP 47, e.g. es-CL.")
    time_zone: str
    tagline: str
    url: str


class EditionList(Schema):
    items: list[EditionOut]


class FrontPageOut(Schema):
    edition: EditionOut
    lead_story: StoryCardOut | None = Field(
        ..., description="The editors' lead story, or the newest story when they chose none."
    )
    top_stories: list[StoryCardOut] = Field(
        ...,
        description="In the front page's order: the editors' top stories, then the newest.",
    )
    topics: list[TopicRef] = Field(
        ...,
        description="The topic bar: the featured topics in the editors' order, or every "
        "topic of the edition by title.",
    )


def edition_out(edition: EditionPage, request) -> dict:
    return {
        "id": edition.pk,
        "slug": edition.slug,
        "name": edition.title,
        "language": edition.language,
        "time_zone": edition.time_zone,
        "tagline": edition.tagline,
        "url": absolute_url(request, edition.url),
    }


@router.get("/", response=EditionList, summary="Every edition, in the switcher's order")
def list_editions(request):
    editions = EditionPage.objects.visible_to_readers().order_by("path")
    return {"items": [edition_out(edition, request) for edition in editions]}


@router.get("/{slug}", response=EditionOut, summary="An edition")
def get_edition(request, slug: str = EditionSlug):
    return edition_out(readable_edition(slug), request)


@router.get(
    "/{slug}/front-page",
    response=FrontPageOut,
    summary="An edition's front page, in its order",
    description="The lead story, the top stories and the topics, as the front page shows them, "
    "curated by the edition's editors.",
)
def get_front_page(request, slug: str = EditionSlug):
    edition = readable_edition(slug)
    front = front_page(edition)
    lead = front["lead_story"]
    prime_for_cards([*([lead] if lead else []), *front["top_stories"]])
    return {
        "edition": edition_out(edition, request),
        "lead_story": story_card(lead, request) if lead else None,
        "top_stories": [story_card(story, request) for story in front["top_stories"]],
        "topics": [topic_ref(topic, request) for topic in front["topics"]],
    }


@router.get("/{slug}/topics", response=TopicList, summary="An edition's topic hubs, by title")
def list_topics(request, slug: str = EditionSlug):
    topics = topics_of(readable_edition(slug))
    return {"items": [topic_out(topic, request) for topic in topics]}
