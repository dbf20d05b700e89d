from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from dateline.articles.models import ArticleCorrection, ArticleUpdate

from ..factories import (
    ArticlePageFactory,
    AuthorFactory,
    LiveBlogPageFactory,
    PhotoFactory,
    TopicPageFactory,
    add_byline,
)


@pytest.fixture
def desk(newsroom):
    """A morning's stories: Spain's hub on the storm, its articles and live blog,
    one story circulated to Chile, and stories readers must not see."""
    return build_desk(newsroom)


def build_desk(newsroom: dict) -> dict:
    es, cl = newsroom["es"], newsroom["cl"]
    now = timezone.now()
    topic = TopicPageFactory(parent=es, title="Tormenta Aurelia", slug="storm-aurelia")
    cl_topic = TopicPageFactory(parent=cl, title="Tormenta Aurelia", slug="storm-aurelia")
    photo = PhotoFactory()
    older = ArticlePageFactory(
        parent=es,
        title="El río sube",
        topic=topic,
        first_published_at=now - timedelta(hours=3),
    )
    blog = LiveBlogPageFactory(
        parent=es,
        title="Tormenta Aurelia, en directo",
        topic=topic,
        first_published_at=now - timedelta(hours=2),
    )
    lead = ArticlePageFactory(
        parent=es,
        title="Apagón en la costa",
        standfirst="Miles de casas siguen sin luz.",
        topic=topic,
        dateline_place="Valdemar",
        lead_image=photo,
        first_published_at=now - timedelta(hours=1),
        body=[
            {"type": "paragraph", "value": "<p>La red cayó de madrugada.</p>"},
            {"type": "subhead", "value": "Qué se sabe"},
            {"type": "quote", "value": {"text": "No hay luz.", "speaker": "Una vecina"}},
            {"type": "image", "value": {"image": photo.pk, "caption": "El puerto."}},
            {"type": "see_also", "value": {"story": older.pk, "label": ""}},
            {"type": "embed", "value": "https://example.com/video/1"},
        ],
    )
    lead.circulated_to.add(cl)
    lead.save()  # a ParentalManyToManyField is written when the page is saved
    add_byline(lead, AuthorFactory(name="Ana Ruiz", role="Corresponsal"))
    ArticleUpdate.objects.create(article=lead, text="<p>Vuelve la luz al centro.</p>")
    ArticleCorrection.objects.create(article=lead, text="<p>El apagón empezó a las 3.</p>")
    draft = ArticlePageFactory(parent=es, title="Borrador", live=False, first_published_at=None)
    scheduled = ArticlePageFactory(
        parent=es,
        title="Programada",
        live=False,
        first_published_at=None,
        go_live_at=now + timedelta(hours=4),
    )
    private = ArticlePageFactory(parent=es, title="Privada", first_published_at=now)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    embargoed = ArticlePageFactory(
        parent=es, title="Embargada", first_published_at=now, embargo_until=now + timedelta(hours=2)
    )
    return {
        "es": es,
        "cl": cl,
        "topic": topic,
        "cl_topic": cl_topic,
        "photo": photo,
        "lead": lead,
        "older": older,
        "blog": blog,
        "hidden": [draft, scheduled, private, embargoed],
    }


@pytest.fixture
def blog(newsroom):
    """An open live blog in Chile."""
    return LiveBlogPageFactory(parent=newsroom["cl"], title="Storm: live")
