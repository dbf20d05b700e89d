"""A live blog is described to search engines as schema.org LiveBlogPosting JSON-LD."""

from __future__ import annotations

from datetime import datetime, timedelta

import extruct
import pytest
from django.utils import timezone

from dateline.live import actions
from dateline.live.models import STRUCTURED_DATA_POSTS, LiveState

from ..factories import AuthorFactory, PhotoFactory, TopicPageFactory, add_byline


@pytest.fixture
def blog(blog, newsroom):
    """The Chilean live blog, with a topic, a byline and a lead photo."""
    blog.topic = TopicPageFactory(parent=newsroom["cl"], title="Tormenta Aurelia")
    blog.standfirst = "Río Claro rises; three districts evacuated."
    blog.lead_image = PhotoFactory()
    blog.first_published_at = timezone.now() - timedelta(hours=2)
    blog.save()
    add_byline(blog, AuthorFactory(name="Lucía Ferrer"))
    return blog


def live_blog_posting(client, blog) -> dict:
    response = client.get(blog.url)
    assert response.status_code == 200
    found = extruct.extract(
        response.content.decode(), base_url=f"http://testserver{blog.url}", syntaxes=["json-ld"]
    )["json-ld"]
    assert [item["@type"] for item in found] == ["LiveBlogPosting"]
    return found[0]


def test_live_blog_posting_describes_the_blog(client, blog):
    data = live_blog_posting(client, blog)
    url = f"http://testserver{blog.url}"
    assert data["headline"] == "Storm: live"
    assert data["description"] == "Río Claro rises; three districts evacuated."
    assert data["url"] == data["mainEntityOfPage"] == url
    assert data["inLanguage"] == "es-CL"
    assert data["articleSection"] == "Tormenta Aurelia"
    assert data["author"] == [{"@type": "Person", "name": "Lucía Ferrer"}]
    assert data["publisher"] == {"@type": "Organization", "name": "Dateline"}
    assert data["image"]["creditText"] == "Marta Ibáñez / Sample Agency"
    assert data["image"]["url"].startswith("http://testserver/media/")
    assert datetime.fromisoformat(data["datePublished"]) == blog.first_published_at


def test_coverage_starts_when_the_blog_was_published(client, blog):
    data = live_blog_posting(client, blog)
    assert datetime.fromisoformat(data["coverageStartTime"]) == blog.first_published_at


def test_open_coverage_has_no_end_time(client, blog):
    assert "coverageEndTime" not in live_blog_posting(client, blog)


def test_ended_coverage_says_when_it_ended(client, blog, editor):
    actions.check_set_coverage(blog, editor, False)
    ended_at = LiveState.objects.get(blog=blog).ended_at
    data = live_blog_posting(client, blog)
    assert datetime.fromisoformat(data["coverageEndTime"]) == ended_at


def test_posts_are_blog_postings_newest_first(client, blog, reporter, editor):
    first = actions.check_publish_post(
        blog, reporter, "The dam holds.\n\nLevels & flow are stable."
    )
    second = actions.check_publish_post(blog, reporter, "Landfall near Río Claro.")
    actions.check_mark_key_event(second, editor, True, "Landfall")
    updates = live_blog_posting(client, blog)["liveBlogUpdate"]
    assert [u["@type"] for u in updates] == ["BlogPosting", "BlogPosting"]
    assert updates[0]["headline"] == "Landfall"  # a key event's title
    assert updates[1]["headline"] == "The dam holds. Levels & flow are stable."
    assert updates[1]["articleBody"] == "The dam holds.\nLevels & flow are stable."
    assert updates[1]["url"] == f"http://testserver{blog.url}?post={first.pk}#post-{first.pk}"
    assert updates[1]["author"] == {"@type": "Person", "name": "reporter"}
    assert datetime.fromisoformat(updates[1]["datePublished"]) == first.published_at


def test_an_edit_moves_the_posts_date_modified(client, blog, reporter):
    post = actions.check_publish_post(blog, reporter, "The bridge is open.")
    edited = actions.check_edit_post(post, reporter, "The bridge is shut.", post.revision)
    update = live_blog_posting(client, blog)["liveBlogUpdate"][0]
    assert update["articleBody"] == "The bridge is shut."
    assert datetime.fromisoformat(update["dateModified"]) == edited.updated_at


def test_date_modified_follows_the_newest_post(client, blog, reporter):
    post = actions.check_publish_post(blog, reporter, "Evacuation ordered.")
    data = live_blog_posting(client, blog)
    assert datetime.fromisoformat(data["dateModified"]) == post.published_at


def test_only_the_newest_posts_are_listed(client, blog, reporter):
    start = timezone.now() - timedelta(hours=1)
    for n in range(STRUCTURED_DATA_POSTS + 3):
        actions.do_publish_post(
            blog, reporter, f"Post {n}.", published_at=start + timedelta(minutes=n)
        )
    updates = live_blog_posting(client, blog)["liveBlogUpdate"]
    assert len(updates) == STRUCTURED_DATA_POSTS
    assert updates[0]["articleBody"] == f"Post {STRUCTURED_DATA_POSTS + 2}."


def test_a_deleted_post_is_not_listed(client, blog, reporter):
    post = actions.check_publish_post(blog, reporter, "Wrong town.")
    actions.check_delete_post(post, reporter)
    assert live_blog_posting(client, blog)["liveBlogUpdate"] == []
