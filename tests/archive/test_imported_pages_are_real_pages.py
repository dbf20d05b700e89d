"""Pages filed in bulk are the pages filing one by one makes: same tree, revision, history."""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageLogEntry

from dateline.articles.actions import do_create_story, do_publish_story
from dateline.articles.models import ArticlePage

from ..jobs.support import run_ready_jobs
from .support import export, import_wordpress

pytestmark = pytest.mark.django_db


def shape(page: ArticlePage) -> dict:
    page = ArticlePage.objects.get(pk=page.pk)
    return {
        "depth": page.depth,
        "url_path": page.url_path.rsplit("/", 2)[0],
        "locale": page.locale_id,
        "content_type": page.content_type_id,
        "live": page.live,
        "has_unpublished_changes": page.has_unpublished_changes,
        "revisions": page.revisions.count(),
        "latest_is_live": page.latest_revision_id == page.live_revision_id,
        "history": sorted(PageLogEntry.objects.filter(page=page).values_list("action", flat=True)),
        "revision_title": page.latest_revision.as_object().title == page.title,
    }


def test_an_imported_article_has_the_shape_of_one_filed_and_published_by_hand(newsroom, tmp_path):
    by_hand = do_create_story(
        newsroom["es"], ArticlePage(title="By hand", slug="by-hand", standfirst="S.", body=[])
    )
    by_hand = do_publish_story(by_hand)
    import_wordpress(export(tmp_path, posts=2))
    assert shape(ArticlePage.objects.get(slug="sample-1")) == shape(by_hand)


def test_the_page_tree_is_sound_after_an_import(newsroom, tmp_path):
    import_wordpress(export(tmp_path, posts=20))
    assert Page.find_problems() == ([], [], [], [], [])


def test_imported_articles_are_found_by_search_once_the_indexing_job_ran(newsroom, tmp_path):
    import_wordpress(export(tmp_path, posts=3))
    run_ready_jobs()
    story = ArticlePage.objects.get(slug="sample-1")
    assert story in ArticlePage.objects.live().search(story.title.split(":")[0])
