"""Articles in the API, as their anatomy in structured fields.

An article comes as its anatomy (headline, standfirst, topic, bylines, lead
photo, body blocks by type, updates, corrections, related stories, its live
coverage), never as one blob of HTML, so the app lays it out natively. A token
of someone who may edit a story also reads its latest draft.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpResponse
from ninja import Field, Router, Schema
from wagtail.models import Page

from dateline.articles.models import ArticlePage, StoryPage
from dateline.editions.access import readable
from dateline.lib.absolute import absolute_url
from dateline.live.coverage import coverage_of

from .auth import optional_user
from .cards import (
    BylineOut,
    CommentsRef,
    LiveCoverageRef,
    StoryCardOut,
    TranslationOut,
    live_coverage_ref,
    story_card,
    translations_out,
    with_last_modified,
)
from .photos import PhotoOut, photo_out
from .problems import Problem
from .types import Id

router = Router(tags=["stories"])


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
    translations: list[TranslationOut] = Field(
        ..., description="The article's versions in other languages, by language."
    )


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
    coverage = coverage_of(article)
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
        "translations": translations_out(article, request),
    }


def _note(note) -> dict:
    return {"published_at": note.published_at, "html": note.text}


def readable_article(request, article_id: int) -> ArticlePage:
    """The article as readers see it, or its latest draft for someone who may edit it."""
    article = readable(ArticlePage.objects, article_id, optional_user(request))
    if article is None:
        raise Problem(404, "Not found", f"No article {article_id} is published.")
    return article


@router.get(
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
