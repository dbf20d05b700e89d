"""An import can be run again, or resumed, without duplicating anything."""

from __future__ import annotations

import pytest
from wagtail.contrib.redirects.models import Redirect

from dateline.articles.models import ArticlePage, Author, TopicPage

from .support import export, import_wordpress

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int, int]:
    return (
        ArticlePage.objects.count(),
        TopicPage.objects.count(),
        Author.objects.count(),
        Redirect.objects.count(),
    )


def test_a_second_run_adds_no_article_topic_author_or_redirect(newsroom, tmp_path):
    path = export(tmp_path)
    import_wordpress(path)
    before = counts()
    import_wordpress(path)
    assert counts() == before


def test_a_second_run_says_what_was_already_there(newsroom, tmp_path):
    path = export(tmp_path)
    import_wordpress(path)
    assert "5 were already there" in import_wordpress(path)


def test_a_newer_export_brings_only_the_new_posts(newsroom, tmp_path):
    import_wordpress(export(tmp_path, posts=3))
    import_wordpress(export(tmp_path, posts=5))
    assert ArticlePage.objects.count() == 5
