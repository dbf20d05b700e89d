"""Every Spanish edition writes month and day names in lowercase, whatever
Django's regional catalogue for it says."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation
from django.utils.formats import date_format

from ..factories import ArticlePageFactory

SPANISH = ["es-ES", "es-CL", "es-CO", "es-MX", "es-US", "es-419"]


@pytest.mark.parametrize("language", SPANISH)
def test_month_names_are_lowercase(language):
    with translation.override(language):
        assert date_format(date(2026, 12, 1)) == "1 de diciembre de 2026"


@pytest.mark.parametrize("language", SPANISH)
def test_day_names_are_lowercase(language):
    with translation.override(language):
        assert date_format(date(2026, 12, 1), "l") == "martes"


def test_a_mexican_story_shows_its_date_in_lowercase(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["mx"], title="Sample")
    story.first_published_at = story.first_published_at.replace(month=12, day=15)
    story.save()
    assert "de diciembre de" in client.get(story.url).content.decode()
