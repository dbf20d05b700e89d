"""The page editor autosaves as people type; their own autosave is never taken for a
colleague's save.

The Chilean reporter edits a draft, waits for the editor to autosave it, then
submits it for review; the editor edits it in review, waits for the autosave too,
then approves and publishes it. Neither is told that someone else saved a newer
version. A colleague's save in between is still refused, with a link that
compares the two versions.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dateline.articles.actions import do_create_story
from dateline.articles.models import ArticlePage

from .admin import AFTER_SAVE, open_the_editor, sign_in_to_the_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADLINE = "Sample: Valparaíso counts its boats after the storm"


@pytest.fixture
def draft(demo_newsroom):
    reporter = demo_newsroom["users"]["reporter"][0]
    story = ArticlePage(
        title=HEADLINE,
        slug="valparaiso-counts-its-boats",
        standfirst="Sample content: the harbour takes stock.",
        body=[("paragraph", "<p>Sample: fishermen return to the docks.</p>")],
    )
    return do_create_story(demo_newsroom["editions"]["cl"], story, reporter)


def edit_and_wait_for_the_autosave(tab, standfirst):
    """Types, then waits for the editor's autosave to post the form and say so."""
    with tab.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith("/edit/"), timeout=AFTER_SAVE
    ) as autosave:
        tab.get_by_role("textbox", name="Standfirst").fill(standfirst)
    assert autosave.value.json()["success"]
    expect(tab.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved"
    )


def story():
    return ArticlePage.objects.get(title=HEADLINE)


def test_own_autosave_does_not_stop_submitting_or_approving(draft, page, open_tab):
    reporter, editor = page, open_tab()

    sign_in_to_the_admin(reporter, "reporter")
    open_the_editor(reporter, draft.pk)
    edit_and_wait_for_the_autosave(reporter, "Sample content: forty boats are missing.")
    reporter.get_by_role("button", name="More actions").click()
    reporter.get_by_role("button", name="Submit to Chile review").click()
    expect(
        reporter.get_by_text(f"Page '{HEADLINE}' has been submitted for moderation.")
    ).to_be_visible(timeout=AFTER_SAVE)
    assert story().current_workflow_task.name == "Chile: editors' review"

    sign_in_to_the_admin(editor, "editor")
    open_the_editor(editor, draft.pk)
    edit_and_wait_for_the_autosave(editor, "Sample content: thirty-eight boats are missing.")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Approve and Publish").click()
    expect(editor.get_by_text(f"Page '{HEADLINE}' has been updated.")).to_be_visible(
        timeout=AFTER_SAVE
    )
    assert story().live
    assert story().standfirst == "Sample content: thirty-eight boats are missing."


def test_a_colleagues_save_after_an_autosave_is_still_refused_with_a_working_link(
    draft, page, demo_newsroom
):
    sign_in_to_the_admin(page, "reporter")
    open_the_editor(page, draft.pk)
    edit_and_wait_for_the_autosave(page, "Sample content: forty boats are missing.")
    colleague = story()
    colleague.standfirst = "Sample content: the editor's version."
    colleagues = colleague.save_revision(user=demo_newsroom["users"]["editor"][0])

    page.get_by_role("button", name="Save draft").click()
    refusal = page.get_by_text(re.compile("saved a newer version"))
    expect(refusal).to_be_visible(timeout=AFTER_SAVE)
    compare = page.get_by_role("link", name="Compare the versions")
    expect(compare).to_have_attribute("href", re.compile(rf"\.\.\.{colleagues.pk}/$"))
    assert story().get_latest_revision() == colleagues
