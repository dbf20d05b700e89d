"""A story's history (page → History, and Reports → Site history) reads as the
newsroom wants to read it afterwards: an embargo set, changed or lifted is one line
with its time; the editor's autosaves fold into one line; saves and publications
say what they did."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from dateline.articles.models import ArticlePage

from ..factories import ArticlePageFactory
from .support import article_form


@pytest.fixture
def story(newsroom, editor):
    story = ArticlePageFactory(parent=newsroom["es"], title="Informe", slug="informe")
    story.save_revision(user=editor).publish(user=editor)
    return ArticlePage.objects.get(pk=story.pk)


def publish_with_embargo(story, editor, until):
    story = ArticlePage.objects.get(pk=story.pk)
    story.embargo_until = until
    story.save_revision(user=editor, log_action=True).publish(user=editor)


def embargo_lines(story):
    entries = PageLogEntry.objects.filter(page=story, action="dateline.embargo")
    return [entry.message for entry in entries.order_by("timestamp", "pk")]


def history(client, story):
    response = client.get(reverse("wagtailadmin_pages:history", args=[story.pk]))
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    return [" ".join(row.get_text(" ").split()) for row in rows]


def test_setting_an_embargo_is_one_line_with_its_time(story, editor):
    until = timezone.now() + timedelta(hours=2)
    publish_with_embargo(story, editor, until)
    [line] = embargo_lines(story)
    assert line.startswith("Embargo set: hidden from readers until ")


def test_changing_and_lifting_an_embargo_are_one_line_each(story, editor):
    publish_with_embargo(story, editor, timezone.now() + timedelta(hours=2))
    publish_with_embargo(story, editor, timezone.now() + timedelta(hours=3))
    publish_with_embargo(story, editor, None)
    assert [line.split(":")[0] for line in embargo_lines(story)] == [
        "Embargo set",
        "Embargo changed",
        "Embargo lifted",
    ]


def test_publishing_without_touching_the_embargo_adds_no_line(story, editor):
    publish_with_embargo(story, editor, timezone.now() + timedelta(hours=2))
    story = ArticlePage.objects.get(pk=story.pk)
    story.title = "Informe revisado"
    story.save_revision(user=editor, log_action=True).publish(user=editor)
    assert len(embargo_lines(story)) == 1


def test_an_embargo_in_a_draft_is_not_logged_until_it_is_published(story, editor):
    story.embargo_until = timezone.now() + timedelta(hours=2)
    story.save_revision(user=editor, log_action=True)
    assert embargo_lines(story) == []


def test_the_embargo_line_names_who_published_it(client, story, editor):
    client.force_login(editor)
    data = article_form(slug=story.slug, title=story.title)
    data["embargo_until"] = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 302
    assert PageLogEntry.objects.get(page=story, action="dateline.embargo").user == editor


def test_the_history_shows_the_embargo_line(client, story, editor):
    publish_with_embargo(story, editor, timezone.now() + timedelta(hours=2))
    client.force_login(editor)
    assert any("Embargo set: hidden from readers until" in row for row in history(client, story))


def autosave_three_times(client, story):
    loaded, autosaved = story.get_latest_revision(), None
    for title in ("Informe 1", "Informe 2", "Informe 3"):
        # What the page editor sends as the editor types, as its autosave does.
        data = article_form(slug=story.slug, title=title)
        data["loaded_revision_id"] = str(loaded.pk)
        data["loaded_revision_created_at"] = loaded.created_at.isoformat()
        if autosaved:
            data["overwrite_revision_id"] = autosaved
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[story.pk]),
            data,
            headers={"accept": "application/json"},
        )
        autosaved = str(response.json()["revision_id"])


def test_autosaves_fold_into_one_line_of_the_storys_history(client, story, editor):
    client.force_login(editor)
    autosave_three_times(client, story)
    assert len([row for row in history(client, story) if "Draft saved" in row]) == 1


def test_autosaves_fold_into_one_line_of_the_site_history(client, story, editor):
    client.force_login(editor)
    autosave_three_times(client, story)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    assert len([row for row in rows if "Draft saved" in row.get_text()]) == 1
