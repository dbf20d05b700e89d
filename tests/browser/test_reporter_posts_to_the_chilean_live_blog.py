"""The demo's Chilean reporter signs in, finds Chile's live blog at the desk and posts in it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dateline.live.models import LiveBlogPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
CHILEAN_BLOG = "chilenos-en-valdemar-en-directo"


def test_reporter_posts_to_the_chilean_live_blog_from_the_desk(page, demo_newsroom):
    blog = LiveBlogPage.objects.get(slug=CHILEAN_BLOG)
    page.goto("/admin/login/")
    page.fill("#id_username", "reporter")
    page.fill("#id_password", "dateline-demo")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto("/admin/live/")
    page.get_by_role("link", name=blog.title).click()
    page.fill("#desk-body", "Muestra: el consulado amplía el horario de atención.")
    page.click("#desk-publish")
    expect(page.locator("#desk-error")).to_be_empty()

    page.goto(blog.url)
    expect(page.get_by_text("el consulado amplía el horario de atención")).to_be_visible()
