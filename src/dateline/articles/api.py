"""Stories, articles and topics in the API, as structured fields.

An article comes as its anatomy (headline, standfirst, topic, bylines, lead
photo, body blocks by type, updates, corrections, related stories, its live
coverage), never as one blob of HTML, so the app lays it out natively. What
readers may see is `StoryPage.objects.visible_to_readers()`, as on the site; a
token of someone who may edit a story also reads its latest draft.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpResponse
from ninja import Field, Query, Router, Schema
from wagtail.models import Page

from dateline.api.auth import optional_user
from dateline.api.pagination import (
    CursorQuery,
    LimitQuery,
    PageMeta,
    decode_cursor,
    encode_cursor,
    newest_first,
)
from dateline.api.problems import Problem
from dateline.api.types import Id
from dateline.editions.models import edition_path, editions_by_path
from dateline.lib.absolute import absolute_url
from dateline.photos.api import RENDITION_WIDTHS, PhotoOut, photo_out
from dateline.photos.models import PhotoRendition

from .models import ArticlePage, StoryPage, TopicPage, preload_last_updated

stories_router = Router(tags=["stories"])
articles_router = Router(tags=["stories"])
topics_router = Router(tags=["topics"])
search_router = Router(tags=["stories"])


# Schemas -------------------------------------------------------------------


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


class ParagraphBlock(Schema):
    type: Literal["paragraph"]
    html: str = Field(..., description="Inline HTML: p, a, b, i, lists.")


class SubheadBlock(Schema):
    type: Literal["subhead"]
    text: str


class SeeAlsoBlock(Schema):
    type: Literal["see_also"]
    label: str
    story: StoryCardOut


class QuoteBlock(Schema):
    type: Literal["quote"]
    text: str
    speaker: str


class ImageBlock(Schema):
    type: Literal["image"]
    image: PhotoOut


class EmbedBlock(Schema):
    type: Literal["embed"]
    url: str = Field(..., description="The embedded page; render it with its oEmbed provider.")


BodyBlock = Annotated[
    ParagraphBlock | SubheadBlock | SeeAlsoBlock | QuoteBlock | ImageBlock | EmbedBlock,
    Field(discriminator="type"),
]


class NoteOut(Schema):
    published_at: datetime
    html: str


class LiveCoverageRef(Schema):
    id: int
    headline: str
    url: str


class CommentsRef(Schema):
    mode: Literal["post", "pre", "closed"]
    url: str = Field(..., description="The story's comments in the API.")


class ArticleOut(StoryCardOut):
    published: bool = Field(..., description="False only for a draft read with an editor's token.")
    bylines: list[BylineOut]
    dateline: str
    body: list[BodyBlock]
    updates: list[NoteOut] = Field(..., description="Newest first, as in the Update box.")
    corrections: list[NoteOut] = Field(..., description="Oldest first: the public log.")
    related: list[StoryCardOut] = Field(
        ..., description='The stories the body links as "See also".'
    )
    live_coverage: LiveCoverageRef | None = Field(
        ..., description="Open live coverage of the same topic in the article's edition."
    )
    comments: CommentsRef


class TopicOut(Schema):
    id: int
    title: str
    slug: str
    intro: str
    edition: str
    url: str
    live_coverage: list[LiveCoverageRef]


class TopicList(Schema):
    items: list[TopicOut]


# Serialisers ---------------------------------------------------------------


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
    """Loads what `story_card` reads for many (specific) stories in a fixed
    number of queries: topic, lead photo and its renditions, edition, and
    what `last_updated` reads."""
    prefetch_related_objects(stories, "topic", "lead_image")
    specs = [f"width-{width}" for width in RENDITION_WIDTHS]
    prefetch_related_objects(
        list({story.lead_image for story in stories if story.lead_image is not None}),
        Prefetch("renditions", queryset=PhotoRendition.objects.filter(filter_spec__in=specs)),
    )
    editions = editions_by_path(story.path for story in stories)
    for story in stories:
        story.__dict__.setdefault("edition", editions.get(edition_path(story)))
    return preload_last_updated(stories)


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


def live_coverage_ref(blog, request) -> dict:
    return {"id": blog.pk, "headline": blog.title, "url": absolute_url(request, blog.url)}


def _visible_pages(pages: list[Page]) -> dict[int, StoryPage]:
    ids = [page.pk for page in pages if page is not None]
    visible = StoryPage.objects.visible_to_readers().filter(pk__in=ids).specific()
    return {story.pk: story for story in visible}


def body_blocks(article: ArticlePage, request) -> tuple[list[dict], list[dict]]:
    """The body as typed blocks, and the related stories its "See also" blocks name.

    A "See also" to a story readers cannot see is left out, as on the page.
    """
    linked = _visible_pages(
        [block.value["story"] for block in article.body if block.block_type == "see_also"]
    )
    blocks, related = [], []
    for block in article.body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            blocks.append({"type": kind, "html": str(value)})
        elif kind == "subhead":
            blocks.append({"type": kind, "text": value})
        elif kind == "quote":
            blocks.append({"type": kind, "text": value["text"], "speaker": value["speaker"]})
        elif kind == "image" and value["image"] is not None:
            image = photo_out(value["image"], request, value["caption"])
            blocks.append({"type": kind, "image": image})
        elif kind == "embed" and value is not None:
            blocks.append({"type": kind, "url": value.url})
        elif kind == "see_also" and value["story"] is not None and value["story"].pk in linked:
            story = linked[value["story"].pk]
            card = story_card(story, request)
            blocks.append({"type": kind, "label": value["label"] or story.title, "story": card})
            related.append(card)
    return blocks, related


def article_out(article: ArticlePage, request) -> dict:
    blocks, related = body_blocks(article, request)
    coverage = article.live_coverage
    return {
        **story_card(article, request),
        "published": article.live,
        "bylines": [{"name": a.name, "role": a.role, "url": a.url} for a in article.authors],
        "dateline": article.dateline_place,
        "body": blocks,
        "updates": [_note(note) for note in article.updates_newest_first],
        "corrections": [_note(note) for note in article.corrections_in_order],
        "related": related,
        "live_coverage": live_coverage_ref(coverage, request) if coverage else None,
        "comments": {
            "mode": article.comments_mode,
            "url": absolute_url(request, f"/api/v1/stories/{article.pk}/comments"),
        },
    }


def _note(note) -> dict:
    return {"published_at": note.published_at, "html": note.text}


def topic_out(topic: TopicPage, request) -> dict:
    from dateline.live.models import LiveBlogPage

    stories = topic.stories()
    coverage = LiveBlogPage.objects.filter(pk__in=stories.values("pk")).open().newest_first()
    return {
        "id": topic.pk,
        "title": topic.title,
        "slug": topic.slug,
        "intro": topic.intro,
        "edition": topic.edition.slug if topic.edition else "",
        "url": absolute_url(request, topic.url),
        "live_coverage": [live_coverage_ref(blog, request) for blog in coverage],
    }


def with_last_modified(response: HttpResponse, moment: datetime | None) -> None:
    """Lets clients revalidate with If-Modified-Since (answered by the API's middleware)."""
    if moment is not None:
        from django.utils.http import http_date

        response["Last-Modified"] = http_date(moment.timestamp())


# Access --------------------------------------------------------------------


def readable_article(request, article_id: int) -> ArticlePage:
    """The article as readers see it, or its latest draft for someone who may edit it."""
    article = ArticlePage.objects.visible_to_readers().filter(pk=article_id).first()
    if article is not None:
        return article
    user = optional_user(request)
    article = ArticlePage.objects.filter(pk=article_id).first()
    if user is None or article is None or not article.permissions_for_user(user).can_edit():
        raise Problem(404, "Not found", f"No article {article_id} is published.")
    return article.get_latest_revision_as_object()


def readable_topic(topic_id: int) -> TopicPage:
    topic = TopicPage.objects.live().public().filter(pk=topic_id).first()
    if topic is None:
        raise Problem(404, "Not found", f"No topic {topic_id} is published.")
    return topic


def published_edition(slug: str):
    from dateline.editions.models import EditionPage

    edition = EditionPage.objects.live().public().filter(slug=slug).first()
    if edition is None:
        raise Problem(404, "Not found", f"There is no edition {slug!r}.")
    return edition


def story_cards_page(stories, request, cursor: str | None, limit: int) -> dict:
    rows, next_cursor = newest_first(stories.specific(), cursor, limit)
    return {
        "items": [story_card(story, request) for story in prime_for_cards(rows)],
        "next": next_cursor,
    }


# Endpoints -----------------------------------------------------------------


@stories_router.get("/", response=StoryList, summary="Stories readers can see, newest first")
def list_stories(
    request,
    edition: str | None = Query(None, description="An edition's slug: its own and circulated."),
    topic: str | None = Query(None, description="A topic's slug, in every edition."),
    cursor: str | None = CursorQuery,
    limit: int = LimitQuery,
):
    stories = StoryPage.objects.visible_to_readers()
    if edition is not None:
        stories = stories.in_edition(published_edition(edition))
    if topic is not None:
        stories = stories.about(topic)
    return story_cards_page(stories, request, cursor, limit)


@stories_router.get("/{story_id}", response=StoryCardOut, summary="A story's card and type")
def get_story(request, story_id: Id, response: HttpResponse):
    story = StoryPage.objects.visible_to_readers().filter(pk=story_id).first()
    if story is None:
        raise Problem(404, "Not found", f"No story {story_id} is published.")
    story = story.specific
    with_last_modified(response, story.last_updated)
    return story_card(story, request)


@articles_router.get(
    "/{article_id}",
    response=ArticleOut,
    summary="An article with its whole anatomy",
    description="Readers get the published article. With the token of someone who may edit "
    "it, an unpublished article comes as its latest draft (`published` is false).",
)
def get_article(request, article_id: Id, response: HttpResponse):
    article = readable_article(request, article_id)
    with_last_modified(response, article.last_updated)
    return article_out(article, request)


@topics_router.get("/{topic_id}", response=TopicOut, summary="A topic hub")
def get_topic(request, topic_id: Id):
    return topic_out(readable_topic(topic_id), request)


@topics_router.get(
    "/{topic_id}/stories",
    response=StoryList,
    summary="A topic hub's stories, newest first",
    description="The topic's stories in the hub's edition: homed there or circulated to it.",
)
def list_topic_stories(
    request, topic_id: Id, cursor: str | None = CursorQuery, limit: int = LimitQuery
):
    return story_cards_page(readable_topic(topic_id).stories(), request, cursor, limit)


@search_router.get(
    "/",
    response=StoryList,
    summary="Search stories, most relevant first",
    description="Only what readers may see is ever found, as in the site's search.",
)
def search(
    request,
    q: str = Query(..., min_length=1, max_length=200, description="Words to look for."),
    edition: str | None = Query(None, description="An edition's slug: its own and circulated."),
    cursor: str | None = CursorQuery,
    limit: int = LimitQuery,
):
    from .search import search_stories

    found = search_stories(q, edition=published_edition(edition) if edition else None)
    start = decode_cursor(cursor, int)[0] if cursor else 0
    page = found[start : start + limit]
    more = start + limit < len(found)
    return {
        "items": [story_card(story, request) for story in page],
        "next": encode_cursor(start + limit) if more else None,
    }
