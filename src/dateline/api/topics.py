"""Topic hubs in the API."""

from __future__ import annotations

from ninja import Router, Schema

from dateline.articles.models import TopicPage
from dateline.lib.absolute import absolute_url
from dateline.live.coverage import open_coverage

from .cards import LiveCoverageRef, StoryList, live_coverage_ref, story_cards_page
from .pagination import CursorQuery, LimitQuery
from .problems import Problem
from .types import Id

router = Router(tags=["topics"])


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


def topic_out(topic: TopicPage, request) -> dict:
    stories = topic.stories()
    coverage = open_coverage(stories)
    return {
        "id": topic.pk,
        "title": topic.title,
        "slug": topic.slug,
        "intro": topic.intro,
        "edition": topic.edition.slug if topic.edition else "",
        "url": absolute_url(request, topic.url),
        "live_coverage": [live_coverage_ref(blog, request) for blog in coverage],
    }


def readable_topic(topic_id: int) -> TopicPage:
    topic = TopicPage.objects.visible_to_readers().filter(pk=topic_id).first()
    if topic is None:
        raise Problem(404, "Not found", f"No topic {topic_id} is published.")
    return topic


@router.get("/{topic_id}", response=TopicOut, summary="A topic hub")
def get_topic(request, topic_id: Id):
    return topic_out(readable_topic(topic_id), request)


@router.get(
    "/{topic_id}/stories",
    response=StoryList,
    summary="A topic hub's stories, newest first",
    description="The topic's stories in the hub's edition: homed there or circulated to it.",
)
def list_topic_stories(
    request, topic_id: Id, cursor: str | None = CursorQuery, limit: int = LimitQuery
):
    return story_cards_page(readable_topic(topic_id).stories(), request, cursor, limit)
