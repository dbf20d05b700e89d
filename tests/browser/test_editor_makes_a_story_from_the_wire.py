"""An editor opens admin → Wire, sees a pushed package arrive without a reload,
filters the wire, previews the package, creates a story in their edition, and finds
the draft with the agency's text, credit and photo."""

from __future__ import annotations

import base64

import pytest
from playwright.sync_api import expect

from dateline.articles.models import ArticlePage
from dateline.wire.ingest import default_provider, receive_document

from ..wire.conftest import sample

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def pushed_item() -> bytes:
    """A text item with its photo carried inline, in a NewsML-G2 news message."""
    photo = base64.b64encode(sample("market.jpg"))
    return sample("newsmessage.xml").replace(
        b'<remoteContent rendition="rnd:highRes" href="market.jpg" contenttype="image/jpeg" '
        b'width="64" height="48"/>',
        b'<inlineData contenttype="image/jpeg" encoding="base64">' + photo + b"</inlineData>",
    )


def test_editor_makes_a_draft_story_from_a_pushed_item(page, demo_newsroom):
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "dateline-demo")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    page.get_by_role("link", name="Wire").first.click()
    expect(page.get_by_role("heading", name="Wire")).to_be_visible()
    receive_document(default_provider("api"), pushed_item())
    receive_document(default_provider("api"), sample("packageitem.xml"))
    arrived = page.locator(".wire-item", has_text="Mercado central: texto y foto")
    expect(arrived).to_be_visible(timeout=15_000)

    page.get_by_label("Urgency").select_option("2")
    page.get_by_role("button", name="Filter").click()
    # The demo's flash and the text item are that urgent; the package and picture are not.
    expect(page.locator(".wire-item")).to_have_count(2)
    page.get_by_label("Urgency").select_option("")
    page.get_by_label("Type").select_option("composite")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".wire-item")).to_have_count(1)

    page.locator(".wire-item__link", has_text="Mercado central: texto y foto").click()
    preview = page.locator("#wire-preview")
    expect(preview.get_by_role("heading", name="Mercado central: texto y foto")).to_be_visible()
    preview.get_by_label("Edition").select_option(label="España")
    preview.get_by_role("button", name="Create a story").click()

    expect(page.get_by_text("A draft story was made from the wire item.")).to_be_visible()
    story = ArticlePage.objects.get(title="Mercado central: texto y foto")
    assert (story.live, story.get_parent().slug, story.dateline_place) == (
        False,
        "es",
        "Puerto Claro",
    )
    assert (story.lead_image.photographer, story.lead_image.agency, story.authors[0].role) == (
        "Luis Vega",
        "Example Agency",
        "EXA",
    )
