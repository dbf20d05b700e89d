from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from ..factories import ArticlePageFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def story(newsroom):
    """A published article in Chile, open to comments."""
    return ArticlePageFactory(parent=newsroom["cl"], title="Storm cuts power")


@pytest.fixture
def other_reader(db):
    return get_user_model().objects.create_user(
        "other", "other@example.com", "correct horse battery"
    )
