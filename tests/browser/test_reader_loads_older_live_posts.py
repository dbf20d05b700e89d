"""A reader of a long live blog loads older posts in place, without leaving the page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from dateline.live import actions
from dateline.live.models import PAGE_SIZE, LiveBlogPage, LivePost

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_reader_loads_older_posts_in_place_until_the_first(page, demo_newsroom):
    blog = LiveBlogPage.objects.get(slug="storm-aurelia-live")
    author = get_user_model().objects.get(username="editor")
    start = timezone.now() - timedelta(days=2)
    for n in range(2 * PAGE_SIZE):
        actions.do_publish_post(
            blog, author, f"Archive post {n}.", published_at=start + timedelta(minutes=n)
        )
    total = LivePost.objects.filter(blog=blog).count()
    oldest = LivePost.objects.filter(blog=blog).order_by("published_at").first()

    page.goto(blog.url)
    posts = page.locator("#live-posts > .live-post")
    expect(posts).to_have_count(PAGE_SIZE)
    address = page.url

    older = page.get_by_role("link", name="Load older posts")
    while older.count():
        shown = posts.count()
        older.click()
        expect(posts).not_to_have_count(shown)
    expect(posts).to_have_count(total)
    assert page.url == address  # never left the page
    expect(posts.last).to_have_attribute("id", f"post-{oldest.pk}")
    # Reading goes on from the first post that arrived.
    expect(page.locator(".live-post:focus")).to_have_count(1)
    ids = posts.evaluate_all("els => els.map(e => e.id)")
    assert len(ids) == len(set(ids)) == total
