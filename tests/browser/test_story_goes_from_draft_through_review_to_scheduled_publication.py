"""A story's life cycle, clicked through in Wagtail's admin by the people who do it.

The Chilean reporter writes an article and submits it to the Chile review → the
editor finds it in "Awaiting your review", sets its go-live time and approves
it, so it is scheduled → the time comes, the newsroom clock ticks, and readers
see it. Until then a reader gets a 404 on its URL and does not find it on /cl/.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from dateline.articles import clock
from dateline.articles.models import ArticlePage

from ..articles.support import time_passes_beyond
from .admin import AFTER_SAVE, sign_in_to_the_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADLINE = "Sample: Valparaíso reopens its port after the storm"
STANDFIRST = "Sample content: the first ships dock after three days of closure."
PARAGRAPH = "Sample: the harbour master lifted the closure at dawn."


def story():
    return ArticlePage.objects.get(title=HEADLINE)


def test_story_goes_from_draft_through_review_to_scheduled_publication(
    demo_newsroom, page, open_tab
):
    reporter, editor, reader = page, open_tab(), open_tab()

    # The reporter writes the story under the Chile edition and submits it for review.
    sign_in_to_the_admin(reporter, "reporter")
    reporter.get_by_role("button", name="Pages").click()
    reporter.get_by_role("link", name="Chile", exact=True).click()
    reporter.get_by_role("link", name="Add child page").click()
    expect(reporter.get_by_role("heading", name="Create a page in Chile")).to_be_visible()
    reporter.get_by_role("link", name="Article", exact=True).click()
    reporter.get_by_role("textbox", name="Headline").fill(HEADLINE)
    reporter.get_by_role("textbox", name="Standfirst").fill(STANDFIRST)
    body = reporter.get_by_role("region", name="Body")
    body.get_by_role("button", name="Insert a block").click()
    reporter.get_by_role("option", name="Paragraph").click()
    # The block chooser hands focus back to its "+" button as it closes: type after that.
    expect(reporter.get_by_role("listbox")).to_be_hidden()
    paragraph = body.get_by_role("textbox")
    paragraph.click()
    expect(paragraph).to_be_focused()
    reporter.keyboard.type(PARAGRAPH)
    expect(paragraph).to_have_text(PARAGRAPH)
    # Draftail copies what was typed into the form's hidden field a moment later.
    expect(body.locator("input[name='body-0-value']")).to_have_value(
        re.compile(re.escape(PARAGRAPH))
    )
    reporter.get_by_role("button", name="More actions").click()
    reporter.get_by_role("button", name="Submit to Chile review").click()

    # Where the editor autosaved the new page while the reporter typed, the
    # submission is of that page ("has been submitted"), else of a new one.
    submitted = re.compile(
        rf"Page '{re.escape(HEADLINE)}' (created and|has been) submitted for moderation\."
    )
    expect(reporter.get_by_text(submitted)).to_be_visible(timeout=AFTER_SAVE)
    expect(reporter.get_by_role("row", name=HEADLINE)).to_contain_text(
        re.compile("in moderation", re.I)
    )
    assert not story().live
    assert story().current_workflow_task.name == "Chile: editors' review"
    # from the headline, transliterated to plain ASCII (WAGTAIL_ALLOW_UNICODE_SLUGS = False)
    assert story().slug == "sample-valparaiso-reopens-its-port-after-the-storm"
    url = story().url
    assert reader.goto(url).status == 404

    # The editor finds it in the review queue, opens it and sets when it goes live.
    sign_in_to_the_admin(editor, "editor")
    awaiting = editor.get_by_role("region", name="Awaiting your review")
    awaiting.get_by_role("link", name=HEADLINE).click()
    expect(editor.get_by_role("heading", name=f"Editing Article: {HEADLINE}")).to_be_attached()
    expect(editor.get_by_role("textbox", name="Standfirst")).to_have_value(STANDFIRST)
    editor.get_by_role("button", name="Toggle status").click()
    status = editor.get_by_role("complementary").filter(has_text="In Moderation")
    expect(status).to_contain_text("Sent to Chile: editors' review")
    status.get_by_role("button", name="Set schedule").click()

    go_live = (timezone.now() + timedelta(minutes=10)).replace(second=0, microsecond=0)
    schedule = editor.get_by_role("dialog", name="Set publishing schedule")
    schedule.get_by_label("Go live date/time").fill(
        timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")
    )
    # The date picker opens as the field takes focus and covers the dialog's button;
    # clicking away closes it, as a person would.
    picker = editor.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_be_visible()
    schedule.get_by_role("heading", name="Set publishing schedule").click()
    expect(picker).to_be_hidden()
    schedule.get_by_role("button", name="Save schedule").click()

    expect(editor.get_by_text(f"Page '{HEADLINE}' has been updated.")).to_be_visible(
        timeout=AFTER_SAVE
    )
    expect(status).to_contain_text("Once scheduled:")
    expect(status).to_contain_text("Go-live:")
    # The workflow's last task approves and publishes; with a go-live time, "publish" schedules.
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Approve and Publish").click()

    expect(editor.get_by_text(f"Page '{HEADLINE}' has been updated.")).to_be_visible(
        timeout=AFTER_SAVE
    )
    expect(editor.get_by_role("row", name=HEADLINE)).to_contain_text(re.compile("scheduled", re.I))
    assert not story().live
    assert story().scheduled_revision.approved_go_live_at == go_live
    editor.goto("/admin/")
    expect(awaiting).to_be_visible()  # the demo's other Chilean draft still waits there
    expect(awaiting.get_by_role("link", name=HEADLINE)).to_have_count(0)

    # Scheduled is not published: readers still cannot find it.
    assert reader.goto(url).status == 404
    reader.goto("/cl/")
    expect(reader.get_by_role("heading", name="Lo último")).to_be_visible()
    expect(reader.get_by_role("link", name=HEADLINE)).to_have_count(0)

    # The time comes and the newsroom clock publishes it: readers see it on /cl/ and at its URL.
    time_passes_beyond(story().scheduled_revision)
    clock.tick()
    assert story().live

    reader.reload()
    reader.get_by_role("link", name=HEADLINE).click()
    expect(reader).to_have_url(re.compile(re.escape(url) + "$"))
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(reader.get_by_text(STANDFIRST)).to_be_visible()
    expect(reader.get_by_text(PARAGRAPH)).to_be_visible()
    assert reader.goto(url).status == 200
