"""Two editors on one story: a save made against a stale revision is refused,
never silently overwriting the other's work."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dateline.articles.models import ArticlePage

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


def autosave(client, story, loaded, **fields):
    """What the page editor sends as a person types: the form, as JSON, in the background."""
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        edit_form(story, loaded, **fields),
        headers={"accept": "application/json"},
    )
    assert response.json()["success"], response.content
    return response.json()


def test_a_save_after_the_editors_own_autosave_goes_through(client, story, editor):
    client.force_login(editor)
    loaded = story.get_latest_revision()
    autosaved = autosave(client, story, loaded, title="Autoguardada")
    # The editor applies what the autosave answered, then saves for good.
    data = edit_form(story, loaded, title="Versión del editor")
    data.update(
        {name: value for name, value in autosaved["field_updates"].items() if "revision" in name}
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 302


def test_a_colleagues_save_after_an_autosave_is_still_refused(client, story, editor, admin):
    client.force_login(editor)
    loaded = story.get_latest_revision()
    autosaved = autosave(client, story, loaded, title="Autoguardada")
    story.title = "Versión de la jefa"
    story.save_revision(user=admin)
    data = edit_form(story, loaded, title="Versión del editor")
    data.update(
        {name: value for name, value in autosaved["field_updates"].items() if "revision" in name}
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert "admin saved a newer version" in " ".join(response.context["form"].non_field_errors())


def test_the_refusal_links_the_comparison_as_a_link(client, story, editor, admin):
    loaded = story.get_latest_revision()
    story.title = "Versión de la jefa"
    colleagues = story.save_revision(user=admin)
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        edit_form(story, loaded, title="Versión del editor"),
    )
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=[story.pk, loaded.pk, colleagues.pk]
    )
    assert f'<a href="{compare}">Compare the versions</a>' in response.content.decode()


def test_a_save_read_before_the_story_was_published_is_refused(newsroom, editor):
    # An autosave sent as the editor approves the story is read before the approval
    # publishes it and would write the draft state back.
    draft = ArticlePageFactory(parent=newsroom["es"], live=False, slug="borrador")
    draft.save_revision(user=editor)
    read_before = ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    ArticlePage.objects.get(pk=draft.pk).get_latest_revision().publish(user=editor)
    form_class = ArticlePage.get_edit_handler().get_form_class()
    form = form_class(
        edit_form(read_before, read_before.get_latest_revision()),
        instance=read_before,
        for_user=editor,
    )
    assert form.errors.as_data()["__all__"][0].code == "stale_publication"
