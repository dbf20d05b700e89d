"""A live blog followed in two languages: posts that translate the twin's posts,
and the twin's untranslated posts and key events at the desk."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from dateline.articles.actions import do_link_translation
from dateline.live import actions
from dateline.live.models import LiveEvent

from ..factories import LiveBlogPageFactory


@pytest.fixture
def twins(newsroom):
    """A Spanish live blog in Chile, where `reporter` posts, and its English twin in USA."""
    spanish = LiveBlogPageFactory(parent=newsroom["cl"], title="Tormenta: en directo")
    english = LiveBlogPageFactory(parent=newsroom["us"], title="Storm: live")
    do_link_translation(spanish, english)
    return spanish, english


def desk(client, user, blog) -> BeautifulSoup:
    client.force_login(user)
    return BeautifulSoup(client.get(reverse("live_desk", args=(blog.pk,))).content, "html.parser")


def untranslated(page) -> list[str]:
    return [
        li.select_one(".desk-twin__headline").get_text() for li in page.select(".desk-twin__post")
    ]


def test_a_post_is_published_as_the_translation_of_a_twins_post(twins, reporter, admin):
    spanish, english = twins
    original = actions.check_publish_post(english, admin, "The bridge is closed.")
    post = actions.check_publish_post(
        spanish, reporter, "El puente está cerrado.", translation_of=original.pk
    )
    assert post.translation_of == original


def test_readers_hear_which_post_a_translation_translates(twins, reporter, admin):
    spanish, english = twins
    original = actions.check_publish_post(english, admin, "The bridge is closed.")
    post = actions.check_publish_post(
        spanish, reporter, "El puente está cerrado.", translation_of=original.pk
    )
    event = LiveEvent.objects.get(blog=spanish, post_id=post.pk, type="post_published")
    assert event.post["translation_of"] == original.pk


def test_a_post_of_a_blog_that_is_no_twin_is_not_translated(twins, newsroom, reporter, admin):
    spanish, _english = twins
    stranger = LiveBlogPageFactory(parent=newsroom["us"])
    other = actions.check_publish_post(stranger, admin, "Elsewhere.")
    with pytest.raises(ValidationError, match="not in this blog's version"):
        actions.check_publish_post(spanish, reporter, "En otro sitio.", translation_of=other.pk)


def test_a_post_is_translated_once_in_a_blog(twins, reporter, admin):
    spanish, english = twins
    original = actions.check_publish_post(english, admin, "The bridge is closed.")
    actions.check_publish_post(
        spanish, reporter, "El puente está cerrado.", translation_of=original.pk
    )
    with pytest.raises(ValidationError, match="already translated"):
        actions.check_publish_post(
            spanish, reporter, "Cerrado el puente.", translation_of=original.pk
        )


def test_the_desk_lists_the_twins_posts_not_yet_translated(client, twins, reporter, admin):
    spanish, english = twins
    actions.check_publish_post(english, admin, "The bridge is closed.")
    assert untranslated(desk(client, reporter, spanish)) == ["The bridge is closed."]


def test_a_translated_post_leaves_the_desks_list(client, twins, reporter, admin):
    spanish, english = twins
    original = actions.check_publish_post(english, admin, "The bridge is closed.")
    actions.check_publish_post(
        spanish, reporter, "El puente está cerrado.", translation_of=original.pk
    )
    assert untranslated(desk(client, reporter, spanish)) == []


def test_a_key_event_of_the_twin_is_flagged_at_the_desk(client, twins, reporter, admin):
    spanish, english = twins
    actions.check_publish_post(english, admin, "The dam has given way.", key_event=True)
    flagged = desk(client, reporter, spanish).select(".desk-twin__post--key .desk-twin__headline")
    assert [item.get_text() for item in flagged] == ["The dam has given way."]


def test_the_desk_leaves_out_a_twin_the_person_may_not_read(client, twins, reporter, admin):
    spanish, english = twins
    actions.check_publish_post(english, admin, "The bridge is closed.")
    english.unpublish()
    assert desk(client, reporter, spanish).select("#desk-twins") == []


def test_the_api_publishes_a_translation(client, twins, reporter, admin):
    spanish, english = twins
    original = actions.check_publish_post(english, admin, "The bridge is closed.")
    client.force_login(reporter)
    response = client.post(
        f"/api/v1/liveblogs/{spanish.pk}/posts",
        {"body": "El puente está cerrado.", "translation_of": original.pk},
        "application/json",
    )
    assert response.json()["translation_of"] == original.pk


def test_the_api_refuses_to_translate_a_post_of_no_twin(client, twins, reporter):
    spanish, _english = twins
    mine = actions.check_publish_post(spanish, reporter, "Propio.")
    client.force_login(reporter)
    response = client.post(
        f"/api/v1/liveblogs/{spanish.pk}/posts",
        {"body": "Traducción.", "translation_of": mine.pk},
        "application/json",
    )
    assert response.status_code == 422
