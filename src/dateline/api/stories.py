"""Stories readers can see, in lists, one by one and by search."""

from __future__ import annotations

from django.http import HttpResponse
from ninja import Query, Router

from dateline.articles.models import StoryPage
from dateline.articles.search import search_stories

from .cards import (
    StoryCardOut,
    StoryList,
    readable_edition,
    story_card,
    story_cards_page,
    with_last_modified,
)
from .pagination import CursorQuery, LimitQuery, OffsetCursorQuery
from .problems import Problem
from .types import NO_NUL, SLUG, Id

router = Router(tags=["stories"])
search_router = Router(tags=["stories"])


@router.get("/", response=StoryList, summary="Stories readers can see, newest first")
def list_stories(
    request,
    edition: str | None = Query(
        None, pattern=SLUG, description="An edition's slug: its own and circulated."
    ),
    topic: str | None = Query(None, pattern=SLUG, description="A topic's slug, in every edition."),
    cursor: str | None = CursorQuery,
    limit: int = LimitQuery,
):
    stories = StoryPage.objects.visible_to_readers()
    if edition is not None:
        stories = stories.in_edition(readable_edition(edition))
    if topic is not None:
        stories = stories.about(topic)
    return story_cards_page(stories, request, cursor, limit)


@router.get("/{story_id}", response=StoryCardOut, summary="A story's card and type")
def get_story(request, story_id: Id, response: HttpResponse):
    story = StoryPage.objects.visible_to_readers().filter(pk=story_id).first()
    if story is None:
        raise Problem(404, "Not found", f"No story {story_id} is published.")
    story = story.specific
    with_last_modified(response, story.last_updated)
    return story_card(story, request)


@search_router.get(
    "/",
    response=StoryList,
    summary="Search stories, most relevant first",
    description="Only what readers may see is ever found, as in the site's search.",
)
def search(
    request,
    q: str = Query(
        ..., min_length=1, max_length=200, pattern=NO_NUL, description="Words to look for."
    ),
    edition: str | None = Query(
        None, pattern=SLUG, description="An edition's slug: its own and circulated."
    ),
    cursor: str | None = OffsetCursorQuery,
    limit: int = LimitQuery,
):
    found = search_stories(q, edition=readable_edition(edition) if edition else None)
    start = int(cursor) if cursor else 0
    page = found[start : start + limit]
    more = start + limit < len(found)
    return {
        "items": [story_card(story, request) for story in page],
        "next": str(start + limit) if more else None,
    }
