"""The newsroom's clock publishes scheduled stories and makes lifted embargoes show."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from dateline.articles import clock
from dateline.articles.models import StoryPage
from dateline.lib import page_cache

from ..factories import ArticlePageFactory
from .support import time_passes_beyond


def schedule(story, at):
    story.go_live_at = at
    story.save_revision().publish()
    story.refresh_from_db()


def test_scheduled_story_stays_hidden_until_its_time_then_goes_live(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"], live=False, first_published_at=None)
    schedule(story, timezone.now() + timedelta(hours=1))
    assert not story.live
    assert not StoryPage.objects.visible_to_readers().filter(pk=story.pk).exists()

    time_passes_beyond(story.get_latest_revision())
    clock.tick()
    story.refresh_from_db()
    assert story.live
    assert client.get(story.url).status_code == 200


def test_a_lifted_embargo_makes_cached_pages_stale(newsroom, django_capture_on_commit_callbacks):
    ArticlePageFactory(parent=newsroom["es"], embargo_until=timezone.now() - timedelta(seconds=2))
    before = page_cache.current_prefix()
    with django_capture_on_commit_callbacks(execute=True):
        assert clock.tick()["embargoes_lifted"] == 1
    assert page_cache.current_prefix() != before


def test_an_embargo_is_lifted_once(newsroom):
    ArticlePageFactory(parent=newsroom["es"], embargo_until=timezone.now() - timedelta(seconds=2))
    first_run = timezone.now()
    clock.tick(now=first_run)
    # The next run looks only at what ended since the previous one.
    assert clock.tick(since=first_run)["embargoes_lifted"] == 0
