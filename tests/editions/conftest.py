from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ..factories import ArticlePageFactory, TopicPageFactory


@pytest.fixture
def chile(newsroom):
    """Chile's front page material: four stories an hour apart, two topics, and
    a Mexican story and a Spanish topic that are not Chile's to show."""
    now = timezone.now()
    cl = newsroom["cl"]
    stories = {
        name: ArticlePageFactory(
            parent=cl, title=f"The {name} story", first_published_at=now - timedelta(hours=hours)
        )
        for hours, name in enumerate(["newest", "second", "third", "oldest"], start=1)
    }
    return {
        "edition": cl,
        **stories,
        "storm": TopicPageFactory(parent=cl, title="Tormenta Aurelia", slug="storm-aurelia"),
        "economy": TopicPageFactory(parent=cl, title="Economía", slug="economy"),
        "mexican": ArticlePageFactory(parent=newsroom["mx"], title="A Mexican story"),
        "spanish_topic": TopicPageFactory(parent=newsroom["es"], title="Tormenta Aurelia"),
    }
