"""A WordPress site's posts become the edition's articles, with their authors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dateline.articles.models import ArticlePage

from .support import export, import_wordpress

pytestmark = pytest.mark.django_db


def imported(slug: str) -> ArticlePage:
    return ArticlePage.objects.get(slug=slug)


def test_each_post_becomes_an_article_in_the_edition(newsroom, tmp_path):
    import_wordpress(export(tmp_path, posts=5))
    assert ArticlePage.objects.child_of(newsroom["es"]).count() == 5


def test_a_published_post_is_published_with_its_original_date(newsroom, tmp_path):
    import_wordpress(export(tmp_path))
    story = imported("sample-2")
    assert (story.live, story.first_published_at) == (True, datetime(2019, 5, 3, 10, tzinfo=UTC))


def test_the_posts_author_is_the_articles_byline(newsroom, tmp_path):
    import_wordpress(export(tmp_path))
    assert [b.author.name for b in imported("sample-2").bylines.all()] == ["Sample Writer 2"]


def test_the_post_body_becomes_the_article_body(newsroom, tmp_path):
    import_wordpress(export(tmp_path))
    body = imported("sample-2").body
    assert body[0].block_type == "paragraph" and body[0].value.source.count("<p>") == 3


def test_a_post_without_an_excerpt_takes_its_standfirst_from_its_body(newsroom, tmp_path):
    import_wordpress(export(tmp_path))
    story = imported("sample-2")  # even posts have no excerpt
    assert story.standfirst.split()[:3] == story.body[0].value.source[3:].split()[:3]


def test_a_draft_post_arrives_as_a_draft(newsroom, tmp_path):
    import_wordpress(export(tmp_path, posts=50))
    assert imported("sample-50").live is False


def test_readers_see_an_imported_article(client, newsroom, tmp_path):
    import_wordpress(export(tmp_path))
    assert client.get(imported("sample-2").url).status_code == 200
