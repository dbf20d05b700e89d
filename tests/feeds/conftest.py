"""A story readers may see, and three they may not, on the storm in Chile."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from ..factories import (
    ArticlePageFactory,
    AuthorFactory,
    PhotoFactory,
    TopicPageFactory,
    add_byline,
)


@pytest.fixture
def storm(newsroom):
    """Chile's hub for the storm."""
    return TopicPageFactory(parent=newsroom["cl"], title="Tormenta Aurelia", slug="storm-aurelia")


@pytest.fixture
def article(newsroom, storm):
    """A published Chilean article on the storm, with two bylines and a lead photo."""
    article = ArticlePageFactory(
        parent=newsroom["cl"],
        topic=storm,
        title="Río Claro overflows & floods the valley",
        standfirst="Three districts were evacuated overnight; the bridge at Los Álamos is shut.",
        lead_image=PhotoFactory(),
        first_published_at=timezone.now() - timedelta(hours=3),
    )
    add_byline(article, AuthorFactory(name="Lucía Ferrer"))
    add_byline(article, AuthorFactory(name="Tomás Vidal"))
    return article


@pytest.fixture
def hidden(newsroom, storm, admin) -> list:
    """Stories on the storm in Chile that readers may not see: one taken down, one
    scheduled for tomorrow, one behind a sign-in and one under embargo."""
    unpublished = ArticlePageFactory(parent=newsroom["cl"], topic=storm, title="Taken down")
    unpublished.unpublish()

    scheduled = ArticlePageFactory(
        parent=newsroom["cl"],
        topic=storm,
        title="Scheduled for tomorrow",
        live=False,
        first_published_at=None,
        last_published_at=None,
    )
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision(user=admin).publish(user=admin)
    scheduled.refresh_from_db()
    assert not scheduled.live  # Wagtail holds it until go_live_at

    private = ArticlePageFactory(parent=newsroom["cl"], topic=storm, title="Signed-in readers only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    embargoed = ArticlePageFactory(
        parent=newsroom["cl"],
        topic=storm,
        title="Under embargo",
        embargo_until=timezone.now() + timedelta(hours=2),
    )
    return [unpublished, scheduled, private, embargoed]
