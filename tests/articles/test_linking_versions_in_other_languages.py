"""A story's versions in other languages: linking and unlinking, and what is refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from wagtail.models import PageLogEntry

from dateline.articles.actions import (
    check_link_translation,
    check_unlink_translation,
    do_link_translation,
)
from dateline.articles.models import StoryPage
from dateline.editions.models import locale_for

from ..factories import ArticlePageFactory, LiveBlogPageFactory
from .translations import also_edits_usa, spanish_and_english


def test_a_story_takes_its_editions_language(newsroom):
    story = ArticlePageFactory(parent=newsroom["us"])
    assert story.locale.language_code == "en"


def test_linked_versions_share_one_translation_key(newsroom, editor):
    spanish, english = spanish_and_english(newsroom, linked=False)
    check_link_translation(spanish, english, also_edits_usa(editor, newsroom))
    assert list(spanish.translations()) == [StoryPage.objects.get(pk=english.pk)]


def test_linking_is_written_to_both_stories_history(newsroom, editor):
    spanish, english = spanish_and_english(newsroom, linked=False)
    check_link_translation(spanish, english, also_edits_usa(editor, newsroom))
    entries = PageLogEntry.objects.filter(page=english, action="dateline.link_translation")
    assert entries.exists()


def test_a_story_is_not_linked_to_itself(newsroom, admin):
    spanish, _english = spanish_and_english(newsroom, linked=False)
    with pytest.raises(ValidationError, match="itself"):
        check_link_translation(spanish, spanish, admin)


def test_two_versions_in_one_language_are_refused(newsroom, admin):
    spanish = ArticlePageFactory(parent=newsroom["es"])
    chilean = ArticlePageFactory(parent=newsroom["cl"])
    with pytest.raises(ValidationError, match="one version per language"):
        check_link_translation(spanish, chilean, admin)


def test_a_second_version_in_a_language_already_linked_is_refused(newsroom, admin):
    _spanish, english = spanish_and_english(newsroom)
    chilean = ArticlePageFactory(parent=newsroom["cl"], title="Otra versión")
    with pytest.raises(ValidationError, match="already has a version in"):
        check_link_translation(chilean, StoryPage.objects.get(pk=english.pk), admin)


def test_the_database_keeps_one_version_per_language(newsroom):
    spanish, _english = spanish_and_english(newsroom)
    chilean = ArticlePageFactory(parent=newsroom["cl"])
    with pytest.raises(IntegrityError):
        StoryPage.objects.filter(pk=chilean.pk).update(translation_key=spanish.translation_key)


def test_an_article_is_not_linked_to_a_live_blog(newsroom, admin):
    spanish = ArticlePageFactory(parent=newsroom["es"])
    blog = LiveBlogPageFactory(parent=newsroom["us"])
    with pytest.raises(ValidationError, match="live blog"):
        check_link_translation(spanish, blog, admin)


def test_no_one_links_a_story_in_an_edition_they_do_not_write_in(newsroom, editor):
    spanish, english = spanish_and_english(newsroom, linked=False)
    with pytest.raises(PermissionDenied):
        check_link_translation(spanish, english, editor)  # editor of España and Chile only


def test_unlinking_leaves_each_story_on_its_own(newsroom, admin):
    spanish, english = spanish_and_english(newsroom)
    check_unlink_translation(spanish, english, admin)
    assert not spanish.translations().exists()


def test_an_edition_that_changes_language_drops_links_that_would_repeat_it(newsroom):
    english = ArticlePageFactory(parent=newsroom["us"])
    mexico = newsroom["mx"]
    mexican = ArticlePageFactory(parent=mexico)
    do_link_translation(mexican, english)
    mexico.language = "en-US"
    mexico.save()
    # The Mexican story is now English, as the USA version is: it leaves their set.
    assert StoryPage.objects.get(pk=mexican.pk).locale == locale_for("en-US")
    assert not StoryPage.objects.get(pk=mexican.pk).translations().exists()


def test_a_story_copied_to_an_edition_in_another_language_takes_its_language(newsroom):
    spanish = ArticlePageFactory(parent=newsroom["es"])
    copy = spanish.copy(to=newsroom["us"], update_attrs={"slug": "copied"})
    assert copy.locale.language_code == "en"
