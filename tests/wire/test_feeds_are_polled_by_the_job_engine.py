"""Feed and folder providers are polled on their own schedule by the job engine."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from dateline.jobs.engine import enqueue_due
from dateline.wire.jobs import poll_due
from dateline.wire.models import Provider, WireItem

from ..jobs.support import run_ready_jobs

pytestmark = pytest.mark.django_db


def feed(url: str, **fields) -> Provider:
    return Provider.objects.create(name="Regional", slug="regional", kind="feed", url=url, **fields)


def test_a_due_feed_is_polled_by_a_worker(feed_server):
    feed(f"{feed_server}/feed.rss")
    enqueue_due()
    run_ready_jobs()
    run_ready_jobs()  # the polls that the schedule's job enqueued
    assert WireItem.objects.filter(provider__slug="regional").exists()


def test_a_feed_polled_within_its_interval_is_not_polled_again(feed_server):
    feed(f"{feed_server}/feed.rss", last_polled_at=timezone.now() - timedelta(minutes=1))
    assert poll_due.call() == []


def test_a_feed_whose_interval_has_passed_is_due(feed_server):
    provider = feed(f"{feed_server}/feed.rss", last_polled_at=timezone.now() - timedelta(minutes=6))
    assert poll_due.call() == [provider.pk]


def test_a_paused_provider_is_never_polled(feed_server):
    feed(f"{feed_server}/feed.rss", is_active=False)
    assert poll_due.call() == []


def test_a_feed_that_does_not_answer_is_polled_again_after_a_back_off(feed_server):
    feed(f"{feed_server}/missing")
    poll_due.call()
    before = timezone.now()
    run_ready_jobs()
    row = DBTaskResult.objects.get(task_path="dateline.wire.jobs.poll")
    assert (row.status, row.run_after >= before + timedelta(seconds=55)) == ("READY", True)
