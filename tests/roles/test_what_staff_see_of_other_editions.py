"""A newsroom user's admin (a reporter's, an editor's, an edition admin's) shows nothing
of another edition that its readers cannot see: not in the page chooser, its search, the
explorer, the admin search, the reports or the dashboard. Published stories of other
editions stay choosable (a "See also" may link one)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from ..factories import ArticlePageFactory

SECRET = "Confidencial"  # what the searches look for; every hidden headline starts with it
HIDDEN = f"{SECRET}:"  # in every hidden headline, and in no other text


@pytest.fixture
def mexico(newsroom):
    """Mexico's stories at every stage before readers see them, and one they see."""
    mx = newsroom["mx"]
    now = timezone.now()
    ArticlePageFactory(
        parent=mx, title=f"{SECRET}: embargo", embargo_until=now + timedelta(hours=2)
    )
    ArticlePageFactory(
        parent=mx, title=f"{SECRET}: programada", live=False, go_live_at=now + timedelta(hours=3)
    )
    ArticlePageFactory(parent=mx, title=f"{SECRET}: borrador", live=False)
    private = ArticlePageFactory(parent=mx, title=f"{SECRET}: privada")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    ArticlePageFactory(parent=mx, title="Publicada en Monterrey")
    return mx


def _screens(mexico) -> list[str]:
    return [
        "/admin/",
        "/admin/choose-page/",
        f"/admin/choose-page/{mexico.pk}/",
        f"/admin/choose-page/search/?q={SECRET}",
        f"/admin/pages/{mexico.pk}/",
        f"/admin/pages/search/?q={SECRET}",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
    ]


@pytest.mark.parametrize("screen", range(9))
@pytest.mark.parametrize("persona", ["reporter", "editor", "chief"])
def test_staff_see_no_hidden_story_of_another_edition(client, request, mexico, persona, screen):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(_screens(mexico)[screen])
    assert HIDDEN not in response.content.decode()


def test_reporter_may_still_choose_a_published_story_of_another_edition(client, reporter, mexico):
    client.force_login(reporter)
    response = client.get(f"/admin/choose-page/{mexico.pk}/")
    assert "Publicada en Monterrey" in response.content.decode()
