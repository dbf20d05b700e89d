"""Two editors on one story: a save made against a stale revision is refused,
never silently overwriting the other's work."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ..factories import ArticlePageFactory
from .support import article_form


@pytest.fixture
def story(newsroom, editor):
    story = ArticlePageFactory(parent=newsroom["es"], title="Primera versión", slug="historia")
    story.save_revision(user=editor).publish()
    return story


def edit_form(story, loaded, **fields):
    data = article_form(slug=story.slug, **fields)
    data["loaded_revision_id"] = str(loaded.pk)
    data["loaded_revision_created_at"] = loaded.created_at.isoformat()
    return data


def test_save_against_a_stale_revision_is_refused_with_the_difference_linked(
    client, story, editor, admin
):
    loaded = story.get_latest_revision()  # the editor opens the story...
    story.title = "Versión de la jefa"
    colleagues = story.save_revision(user=admin)  # ...and a colleague saves first.

    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        edit_form(story, loaded, title="Versión del editor"),
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].non_field_errors())
    assert "admin saved a newer version" in errors
    assert f"/revisions/compare/{loaded.pk}...{colleagues.pk}/" in errors
    # The colleague's work stands, and what the editor typed is still in the form.
    story.refresh_from_db()
    assert story.get_latest_revision() == colleagues
    assert response.context["form"]["title"].value() == "Versión del editor"


def test_save_against_the_latest_revision_goes_through(client, story, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        edit_form(story, story.get_latest_revision(), title="Segunda versión"),
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.get_latest_revision().as_object().title == "Segunda versión"


def ping(client, story, session_id=0, **data):
    url = reverse(
        "wagtailadmin_editing_sessions:ping", args=["articles", "articlepage", story.pk, session_id]
    )
    response = client.post(url, data)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_second_editor_is_told_who_else_is_editing(client, story, editor, admin):
    client.force_login(admin)
    ping(client, story, is_editing="1")  # the first editor has the story open, typing
    client.force_login(editor)
    others = ping(client, story)["other_sessions"]
    assert [(o["user"], o["is_editing"]) for o in others] == [("admin", True)]


def test_an_editor_is_told_when_a_colleague_saved_a_newer_version(client, story, editor, admin):
    loaded = story.get_latest_revision()
    story.title = "Versión de la jefa"
    newer = story.save_revision(user=admin)
    client.force_login(editor)
    others = ping(
        client,
        story,
        revision_id=loaded.pk,
        revision_created_at=loaded.created_at.isoformat(),
    )["other_sessions"]
    assert [(o["user"], o["revision_id"]) for o in others] == [("admin", newer.pk)]
