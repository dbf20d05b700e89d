"""Concurrent publishers on PostgreSQL still get gap-free, strictly increasing numbers."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from dateline.live import actions
from dateline.live.models import LiveEvent, LivePost

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's")
def test_concurrent_publishers_get_gap_free_sequence_numbers(blog, reporter, editor):
    errors = []

    def publisher(author, count):
        try:
            for n in range(count):
                actions.check_publish_post(blog, author, f"{author.username} {n}")
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publisher, args=(a, 15)) for a in (reporter, editor) * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    seqs = list(LiveEvent.objects.filter(blog=blog).order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, 61))
    assert LivePost.objects.filter(blog=blog).count() == 60
