"""Categories and tags become topic hubs; every old URL leads to the new page."""

from __future__ import annotations

import pytest

from dateline.articles.models import ArticlePage, TopicPage

from .support import export, import_wordpress

pytestmark = pytest.mark.django_db


def test_categories_and_tags_become_the_editions_topics(newsroom, tmp_path):
    import_wordpress(export(tmp_path))
    slugs = set(TopicPage.objects.child_of(newsroom["es"]).values_list("slug", flat=True))
    assert {"section-0", "section-1", "subject-0", "subject-1", "subject-2"} <= slugs


def test_an_article_is_labelled_with_its_first_category(newsroom, tmp_path):
    import_wordpress(export(tmp_path))
    assert ArticlePage.objects.get(slug="sample-1").topic.slug in {"section-0", "section-1"}


def test_the_posts_old_permalink_redirects_permanently_to_the_article(client, newsroom, tmp_path):
    import_wordpress(export(tmp_path))
    response = client.get("/2019/05/02/sample-1/")
    assert (response.status_code, response["Location"]) == (
        301,
        ArticlePage.objects.get(slug="sample-1").url,
    )
