from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from ..factories import ArticlePageFactory


@pytest.fixture
def story(newsroom):
    """A published article in Chile, open to comments."""
    return ArticlePageFactory(parent=newsroom["cl"], title="Storm cuts power")


@pytest.fixture
def other_reader(db):
    return get_user_model().objects.create_user(
        "other", "other@example.com", "correct horse battery"
    )
