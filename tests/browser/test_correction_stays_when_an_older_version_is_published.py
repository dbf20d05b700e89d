"""A correction is a public record: publishing an older version of the article from
its history brings the older text back, never takes the correction away.

The editor publishes a change to a Chilean story, corrects it, then opens the
story's history, reviews its first version and publishes it again. The reader's
page shows the first version's text, and the correction under it.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dateline.articles.models import ArticlePage

from .admin import AFTER_SAVE, open_the_editor, sign_in_to_the_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHANGED = "Sample content: the numbers to call, checked again this morning."
CORRECTION = "Sample: an earlier version gave the wrong emergency number."


def test_correction_stays_when_an_older_version_is_published(demo_newsroom, page, open_tab):
    reader = open_tab()
    story = demo_newsroom["stories"]["cl-local"]
    first_standfirst = story.standfirst
    editor = page
    sign_in_to_the_admin(editor, "editor")

    # A second version, published.
    open_the_editor(editor, story.pk)
    editor.get_by_role("textbox", name="Standfirst").fill(CHANGED)
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish").click()
    expect(editor.get_by_text(re.compile(r"has been published"))).to_be_visible(timeout=AFTER_SAVE)

    # A correction, from the article's editor.
    open_the_editor(editor, story.pk)
    editor.locator(".public-record").get_by_role("link", name="Add correction").click()
    editor.get_by_label("Text").fill(CORRECTION)
    editor.get_by_role("button", name="Publish").click()
    expect(editor.get_by_text("Correction published.")).to_be_visible(timeout=AFTER_SAVE)

    # The first version, published again from the history.
    editor.goto(f"/admin/pages/{story.pk}/history/")
    first_draft = editor.locator("main tbody tr").filter(has_text="Draft saved").last
    first_draft.get_by_role("button", name="Actions").click()
    editor.get_by_role("link", name="Review this version").click()
    expect(editor.get_by_role("textbox", name="Standfirst")).to_have_value(
        first_standfirst, timeout=AFTER_SAVE
    )
    # The editor says the record stays, whatever version is published.
    expect(editor.locator(".public-record")).to_contain_text(CORRECTION)
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish this version").click()
    expect(editor.get_by_text(re.compile(r"has been published"))).to_be_visible(timeout=AFTER_SAVE)
    assert ArticlePage.objects.get(pk=story.pk).standfirst == first_standfirst

    reader.goto(story.url)
    expect(reader.get_by_text(first_standfirst)).to_be_visible()
    corrections = reader.get_by_role(
        "region", name="Correcciones"
    )  # the Chile edition reads Spanish
    expect(corrections).to_contain_text(CORRECTION)
