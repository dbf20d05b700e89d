"""Who may link a story's versions in other languages: someone who writes in both
stories' editions, through the story's Translations screen. A refusal links nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dateline.articles.models import StoryPage

from ..articles.translations import also_edits_usa
from ..factories import ArticlePageFactory


def links(client, user, spanish, english) -> bool:
    client.force_login(user)
    url = reverse("articles_translations", args=(spanish.pk,))
    client.post(url, {"action": "link", "version": english.pk})
    return StoryPage.objects.get(pk=english.pk).translation_key == spanish.translation_key


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("reporter", True), ("editor", True), ("chief", True), ("admin", True), ("reader", False)],
)
def test_someone_who_writes_in_both_editions_links_versions(
    request, client, newsroom, role, allowed
):
    user = request.getfixturevalue(role)
    if role != "reader":
        also_edits_usa(user, newsroom)
    spanish = ArticlePageFactory(parent=newsroom["cl"])
    english = ArticlePageFactory(parent=newsroom["us"])
    assert links(client, user, spanish, english) is allowed


@pytest.mark.parametrize("role", ["reporter", "editor", "chief"])
def test_no_one_links_a_version_in_an_edition_they_do_not_write_in(request, client, newsroom, role):
    spanish = ArticlePageFactory(parent=newsroom["cl"])
    english = ArticlePageFactory(parent=newsroom["us"])
    assert links(client, request.getfixturevalue(role), spanish, english) is False


@pytest.mark.parametrize("role", ["reporter", "editor", "chief"])
def test_no_one_links_from_a_story_in_an_edition_they_do_not_write_in(
    request, client, newsroom, role
):
    user = also_edits_usa(request.getfixturevalue(role), newsroom)
    mexican = ArticlePageFactory(parent=newsroom["mx"])
    english = ArticlePageFactory(parent=newsroom["us"])
    assert links(client, user, mexican, english) is False
