"""An app developer opens the API's documentation in a browser and finds its operations."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_api_documentation_lists_the_live_operations(page):
    page.goto("/api/v1/docs")
    expect(page.get_by_text("/api/v1/liveblogs/{blog_id}/events").first).to_be_visible(
        timeout=15_000
    )
