"""A reader's live blog page: status, summary, pinned post, key events, posts, permalinks."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from dateline.demo import correspondent
from dateline.live import actions
from dateline.live.models import PAGE_SIZE, LivePost


def read(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_page_shows_posts_newest_first_with_time_and_author(client, blog, reporter):
    actions.check_publish_post(blog, reporter, "First.")
    actions.check_publish_post(blog, reporter, "Second.")
    posts = read(client, blog.url).select("#live-posts .live-post")
    assert [p.select_one(".live-post__body").get_text(strip=True) for p in posts] == [
        "Second.",
        "First.",
    ]
    assert posts[0].find("time")["datetime"]
    assert posts[0].select_one(".live-post__author").get_text(strip=True) == "reporter"


def test_page_embeds_its_position_in_the_event_stream(client, blog, reporter):
    actions.check_publish_post(blog, reporter, "First.")
    root = read(client, blog.url).select_one("#live-posts")
    assert root["data-last-seq"] == "1"
    assert root["data-stream-url"] == f"/api/v1/liveblogs/{blog.pk}/stream"


def test_pinned_post_summary_and_key_events(client, blog, reporter, editor):
    post = actions.check_publish_post(blog, reporter, "The dam holds.")
    actions.check_pin_post(post, editor, True)
    actions.check_mark_key_event(post, editor, True, "Dam holds")
    actions.check_update_summary(blog, editor, "Three districts evacuated.")
    page = read(client, blog.url)
    assert "The dam holds." in page.select_one("#live-pinned").get_text()
    assert page.select_one("#key-events-list a").get_text(" ", strip=True).endswith("Dam holds")
    assert "Three districts evacuated." in page.select_one("#live-summary").get_text()


def test_ended_coverage_says_when_it_ended(client, blog, editor):
    actions.check_set_coverage(blog, editor, False)
    status = read(client, blog.url).select_one("#live-status")
    assert status["data-status"] == "ended"
    assert status.find("time")["datetime"]


def test_a_long_blog_loads_older_posts_by_link(client, blog, reporter):
    start = timezone.now() - timedelta(hours=5)
    for n in range(PAGE_SIZE + 5):
        actions.do_publish_post(
            blog, reporter, f"Post {n}.", published_at=start + timedelta(minutes=n)
        )
    page = read(client, blog.url)
    assert len(page.select("#live-posts .live-post")) == PAGE_SIZE
    older = read(client, page.select_one("#live-older")["href"])
    bodies = [p.get_text(strip=True) for p in older.select("#live-posts .live-post__body")]
    assert bodies == [f"Post {n}." for n in range(4, -1, -1)]
    assert older.select_one("#live-posts")["data-live"] == "false"


def test_permalink_opens_the_blog_at_that_post(client, blog, reporter):
    start = timezone.now() - timedelta(hours=5)
    posts = [
        actions.do_publish_post(
            blog, reporter, f"Post {n}.", published_at=start + timedelta(minutes=n)
        )
        for n in range(PAGE_SIZE + 5)
    ]
    target = posts[3]
    page = read(client, f"{blog.url}?post={target.pk}")
    assert page.select_one(f"#post-{target.pk}")
    assert page.select("#live-posts .live-post")[0]["id"] == f"post-{target.pk}"


def test_without_javascript_a_link_reloads_the_page(client, blog):
    link = read(client, blog.url).select_one("#live-reload a")
    assert link["href"] == blog.url


def test_simulated_correspondent_files_to_both_demo_live_blogs(db, restore_migrated_database):
    restore_migrated_database()  # the demo loads where there is no newsroom yet
    call_command("load_demo", stdout=StringIO())
    before = LivePost.objects.count()
    assert correspondent.file_one_post(0) == 2
    assert LivePost.objects.count() == before + 2


def test_key_event_without_a_title_is_named_by_its_text_as_readers_see_it(
    client, blog, reporter, editor
):
    post = actions.check_publish_post(blog, reporter, "Q&A with the mayor.\n\nMore soon.")
    actions.check_mark_key_event(post, editor, True)
    link = read(client, blog.url).select_one("#key-events-list a")
    assert link.get_text(" ", strip=True).endswith("Q&A with the mayor. More soon.")


def test_page_qualifies_its_position_with_the_blogs_epoch(client, blog, reporter):
    actions.check_publish_post(blog, reporter, "First.")
    root = read(client, blog.url).select_one("#live-posts")
    assert root["data-epoch"] == blog.live_state.epoch
