"""What the newsroom reads afterwards, and who it sees beside it.

The editor embargoes a Chilean story and publishes it, then edits it while the
page editor autosaves. The story's history has one line for the embargo, with its
time, and one for the autosaved draft, however many autosaves there were; so does
the site history. A colleague who opens the story at the same time is shown by
their initials, never by a broken picture.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .admin import AFTER_SAVE, open_the_editor, sign_in_to_the_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def autosave(tab, standfirst):
    with tab.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith("/edit/"), timeout=AFTER_SAVE
    ) as saved:
        tab.get_by_role("textbox", name="Standfirst").fill(standfirst)
    assert saved.value.json()["success"]


def rows_saying(tab, text):
    return tab.locator("main tbody tr").filter(has_text=text)


def test_history_has_one_line_for_the_embargo_and_one_for_the_autosaves(demo_newsroom, page):
    story = demo_newsroom["stories"]["cl-local"]
    editor = page
    sign_in_to_the_admin(editor, "editor")
    open_the_editor(editor, story.pk)
    editor.get_by_role("tab", name="Settings").click()
    until = timezone.localtime() + timedelta(hours=2)
    editor.get_by_label("Embargo until").fill(until.strftime("%Y-%m-%d %H:%M"))
    picker = editor.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_be_visible()
    editor.get_by_role("heading", name="Embargo until").click()
    expect(picker).to_be_hidden()
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish").click()
    expect(editor.get_by_text(re.compile("has been published"))).to_be_visible(timeout=AFTER_SAVE)

    open_the_editor(editor, story.pk)
    for n in range(3):
        autosave(editor, f"Sample content: draft number {n}.")

    editor.goto(f"/admin/pages/{story.pk}/history/")
    embargo = rows_saying(editor, "Embargo set: hidden from readers until")
    expect(embargo).to_have_count(1)
    expect(rows_saying(editor, "Draft saved")).to_have_count(1)

    editor.goto("/admin/reports/site-history/")
    expect(rows_saying(editor, "Embargo set")).to_have_count(1)
    expect(rows_saying(editor, "Draft saved").filter(has_text=story.title)).to_have_count(1)


def test_a_colleague_editing_the_same_story_is_shown_by_their_initials(
    demo_newsroom, page, open_tab
):
    story = demo_newsroom["stories"]["cl-local"]
    editor, chief = page, open_tab()
    sign_in_to_the_admin(chief, "chief")
    open_the_editor(chief, story.pk)
    expect(chief.get_by_role("textbox", name="Standfirst")).to_be_visible()
    sign_in_to_the_admin(editor, "editor")
    open_the_editor(editor, story.pk)

    avatar = editor.locator(".w-editing-sessions img")
    expect(avatar).to_have_count(1, timeout=AFTER_SAVE)
    # The picture loaded, and it is the colleague's initial.
    assert avatar.evaluate("img => img.complete && img.naturalWidth > 0")
    assert ">C</text>" in unquote(avatar.get_attribute("src"))
