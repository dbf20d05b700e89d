"""A periodic job is enqueued once per interval, whoever asks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.jobs.engine import enqueue_due

pytestmark = pytest.mark.django_db


def test_the_newsroom_clock_is_due_when_the_site_starts():
    assert "newsroom-clock" in enqueue_due()


def test_a_periodic_job_is_not_enqueued_twice_in_one_interval():
    now = timezone.now()
    enqueue_due(now)
    assert enqueue_due(now + timedelta(seconds=1)) == []


def test_a_periodic_job_is_enqueued_again_once_its_interval_has_passed():
    now = timezone.now()
    enqueue_due(now)
    assert "newsroom-clock" in enqueue_due(now + timedelta(seconds=16))
