"""Readers never find what they may not see: the same rule as every other door."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from wagtail.models import PageViewRestriction

from dateline.live import actions as live_actions

from ..factories import ArticlePageFactory, LiveBlogPageFactory


def found(client, terms):
    return list(client.get("/es/search/", {"q": terms}).context["results"])


def test_a_deleted_post_is_not_found(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    post = live_actions.do_publish_post(blog, None, "Los vecinos suben a los pisos altos.")
    live_actions.do_delete_post(post)
    assert found(client, "pisos") == []


def test_posts_of_an_unpublished_blog_are_not_found(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    live_actions.do_publish_post(blog, None, "Los vecinos suben a los pisos altos.")
    blog.unpublish()
    assert found(client, "pisos") == []


def test_posts_of_a_private_blog_are_not_found(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    live_actions.do_publish_post(blog, None, "Los vecinos suben a los pisos altos.")
    PageViewRestriction.objects.create(page=blog, restriction_type="login")
    assert found(client, "pisos") == []


def test_an_embargoed_story_is_not_found(client, newsroom):
    ArticlePageFactory(
        parent=newsroom["es"],
        title="Informe de daños",
        embargo_until=timezone.now() + timedelta(hours=1),
    )
    assert found(client, "informe") == []


def test_an_unpublished_story_is_not_found_by_the_api(client, newsroom):
    story = ArticlePageFactory(parent=newsroom["es"], title="Informe de daños")
    story.unpublish()
    assert client.get("/api/v1/search/", {"q": "informe"}).json()["items"] == []
