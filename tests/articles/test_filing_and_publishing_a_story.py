"""Filing a story and publishing it: the one path the demo, scripts and the wires take."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from dateline.articles.actions import (
    check_create_story,
    check_publish_story,
    do_create_story,
    do_publish_story,
)
from dateline.articles.models import ArticlePage, StoryPage

pytestmark = pytest.mark.django_db


def _article(**fields) -> ArticlePage:
    return ArticlePage(
        title="Storm cuts power", slug="storm-cuts-power", standfirst="Dark.", body=[], **fields
    )


def _visible(story) -> bool:
    return StoryPage.objects.visible_to_readers().filter(pk=story.pk).exists()


def test_a_filed_story_is_a_draft_readers_cannot_see(newsroom, reporter):
    story = check_create_story(newsroom["cl"], _article(), reporter)
    assert not _visible(story)


def test_a_filed_story_keeps_its_first_revision_by_its_writer(newsroom, reporter):
    story = check_create_story(newsroom["cl"], _article(), reporter)
    assert story.get_latest_revision().user == reporter


def test_reporter_cannot_file_a_story_in_another_edition(newsroom, reporter):
    with pytest.raises(PermissionDenied):
        check_create_story(newsroom["mx"], _article(), reporter)


def test_editor_publishes_a_filed_story_for_readers(newsroom, reporter, editor):
    story = check_create_story(newsroom["cl"], _article(), reporter)
    check_publish_story(story, editor)
    assert _visible(story)


def test_reporter_cannot_publish_a_story(newsroom, reporter):
    story = check_create_story(newsroom["cl"], _article(), reporter)
    with pytest.raises(PermissionDenied):
        check_publish_story(story, reporter)


def test_a_story_published_with_a_later_time_waits_for_it(newsroom):
    story = do_create_story(
        newsroom["es"], _article(go_live_at=timezone.now() + timedelta(hours=1))
    )
    do_publish_story(story)
    assert not _visible(story)
