"""The story's Translations screen in the admin: linking and unlinking versions."""

from __future__ import annotations

from django.urls import reverse

from dateline.articles.models import StoryPage

from ..admin_refusals import refused, sent_to_sign_in
from ..factories import ArticlePageFactory
from .translations import also_edits_usa, spanish_and_english


def screen(story) -> str:
    return reverse("articles_translations", args=(story.pk,))


def test_an_editor_links_the_english_version_of_a_spanish_story(client, newsroom, editor):
    spanish, english = spanish_and_english(newsroom, linked=False)
    client.force_login(also_edits_usa(editor, newsroom))
    client.post(screen(spanish), {"action": "link", "version": english.pk})
    assert StoryPage.objects.get(pk=english.pk).translation_key == spanish.translation_key


def test_the_screen_lists_the_linked_versions(client, newsroom, admin):
    spanish, english = spanish_and_english(newsroom)
    client.force_login(admin)
    assert english.title in client.get(screen(spanish)).content.decode()


def test_linking_a_story_to_itself_is_explained_on_the_screen(client, newsroom, admin):
    spanish, _english = spanish_and_english(newsroom, linked=False)
    client.force_login(admin)
    response = client.post(screen(spanish), {"action": "link", "version": spanish.pk})
    assert "cannot be a version of itself" in response.content.decode()


def test_linking_a_story_in_an_edition_one_does_not_write_in_is_explained(client, newsroom, editor):
    spanish, english = spanish_and_english(newsroom, linked=False)
    client.force_login(editor)  # writes in España and Chile, not in USA
    response = client.post(screen(spanish), {"action": "link", "version": english.pk})
    assert "You may not write in USA" in response.content.decode()


def test_a_story_one_cannot_see_is_not_a_choice(client, newsroom, editor):
    spanish = ArticlePageFactory(parent=newsroom["es"])
    draft = ArticlePageFactory(parent=newsroom["us"], live=False)
    client.force_login(editor)
    response = client.post(screen(spanish), {"action": "link", "version": draft.pk})
    assert "Choose a story you can see" in response.content.decode()


def test_an_editor_unlinks_a_version(client, newsroom, admin):
    spanish, english = spanish_and_english(newsroom)
    client.force_login(admin)
    client.post(screen(spanish), {"action": "unlink", "version": english.pk})
    assert not spanish.translations().exists()


def test_a_reporter_cannot_open_the_screen_of_another_editions_story(client, newsroom, reporter):
    mexican = ArticlePageFactory(parent=newsroom["mx"])
    client.force_login(reporter)
    assert refused(client.get(screen(mexican)))


def test_a_reader_is_sent_to_sign_in(client, newsroom, reader):
    spanish = ArticlePageFactory(parent=newsroom["es"])
    client.force_login(reader)
    assert sent_to_sign_in(client.get(screen(spanish)))


def test_the_story_page_in_the_admin_offers_the_screen(client, newsroom, reporter):
    chilean = ArticlePageFactory(parent=newsroom["cl"])
    client.force_login(reporter)
    page = client.get(reverse("wagtailadmin_pages:edit", args=(chilean.pk,))).content.decode()
    assert screen(chilean) in page


def test_a_refused_choice_does_not_show_the_title_of_a_story_one_cannot_see(
    client, newsroom, editor
):
    spanish = ArticlePageFactory(parent=newsroom["es"])
    draft = ArticlePageFactory(parent=newsroom["us"], live=False, title="Unannounced merger")
    client.force_login(editor)
    response = client.post(screen(spanish), {"action": "link", "version": draft.pk})
    assert "Unannounced merger" not in response.content.decode()
