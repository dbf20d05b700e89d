"""A reader of España searches the edition: a word in an article's Update box, in any
of its forms, and a word of a live post, which opens the blog at that post."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dateline.live.models import LivePost

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUIDE = "Qué hacer antes, durante y después de una tormenta"


def test_reader_finds_an_update_and_a_live_post_and_opens_the_post(page, demo_newsroom):
    blog = demo_newsroom["stories"]["es-live"]
    post = LivePost.objects.get(blog=blog, body_source__contains="pisos altos")

    page.goto("/es/")
    box = page.get_by_role("search").first
    box.get_by_role("searchbox").fill("evacuaciones")
    box.get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(re.compile(r"/es/search/\?q=evacuaciones"))
    guide = page.locator(".search-hit").filter(has=page.get_by_role("link", name=GUIDE))
    # The guide's only word about evacuating is in its Update box.
    expect(guide.locator(".search-hit__snippet mark")).to_have_text("evacuación")

    search = page.locator(".search-results").get_by_role("searchbox")
    search.fill("pisos altos")
    search.press("Enter")
    hits = page.locator(".search-hit")
    expect(hits).to_have_count(1)
    expect(hits.locator("mark")).to_have_text(["pisos", "altos"])
    hits.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"\?post={post.pk}#post-{post.pk}$"))
    expect(page.locator(f"#post-{post.pk}")).to_contain_text("pisos altos")
