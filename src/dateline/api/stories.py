"""Stories readers can see, in lists, one by one and by search."""

from __future__ import annotations

from django.http import HttpResponse
from ninja import Field, Query, Router

from dateline.articles import search as finding
from dateline.articles.models import StoryPage
from dateline.lib.absolute import absolute_url

from .cards import (
    StoryCardOut,
    StoryList,
    prime_for_cards,
    readable_edition,
    story_card,
    story_cards_page,
    with_last_modified,
)
from .pagination import CursorQuery, LimitQuery, OffsetCursorQuery, PageMeta
from .problems import Problem
from .types import NO_NUL, SLUG, Id

router = Router(tags=["stories"])
search_router = Router(tags=["stories"])


class SearchHitOut(StoryCardOut):
    post_id: int | None = Field(
        ..., description="The live blog's post the words were found in, if they were in one."
    )
    found_url: str = Field(
        ..., description="Where the words are: the story's URL, or the post's permalink."
    )
    headline_html: str = Field(
        ...,
        description="HTML: the headline (for a post, its key-event title, if any), the "
        "words that matched in <mark>, the rest escaped.",
    )
    snippet_html: str = Field(
        ...,
        description="HTML: a passage of the story or post around the words that matched, "
        "each in <mark>, the rest escaped.",
    )


class SearchHitList(PageMeta):
    items: list[SearchHitOut]


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
    response=SearchHitList,
    summary="Search stories and live posts, most relevant first",
    description="Only what readers may see is ever found, as in the site's search. Each "
    "word is matched in the language of the story's edition, stemmed: `evacuaciones` "
    "finds `evacuación`.",
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
    found = finding.find(q, edition=readable_edition(edition) if edition else None)
    start = int(cursor) if cursor else 0
    page = finding.highlight(q, found[start : start + limit])
    prime_for_cards([hit.story for hit in page])
    more = start + limit < len(found)
    return {
        "items": [
            story_card(hit.story, request)
            | {
                "post_id": hit.post.pk if hit.post else None,
                "found_url": absolute_url(request, hit.url),
                "headline_html": hit.headline,
                "snippet_html": hit.snippet,
            }
            for hit in page
        ],
        "next": str(start + limit) if more else None,
    }
