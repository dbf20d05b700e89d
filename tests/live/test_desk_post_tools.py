"""The desk shows each person only the tools they may use on a post: reporters edit
and delete their own posts; editors edit, pin, mark and delete anyone's."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.urls import reverse

from dateline.live import actions


def desk_tools(client, user, post) -> list[str]:
    """The tools the desk offers `user` on `post`, as its page renders them."""
    client.force_login(user)
    html = client.get(reverse("live_desk", args=(post.blog_id,))).content
    item = BeautifulSoup(html, "html.parser").select_one(f'li[data-post-id="{post.pk}"]')
    return [button["data-action"] for button in item.select(".desk-post__tools button")]


def live_tools(client, user, post) -> list[str]:
    """The tools the desk offers `user` on `post` when it arrives while the desk is open."""
    client.force_login(user)
    html = client.get(reverse("live_desk_post_tools", args=(post.blog_id, post.pk))).content
    return [button["data-action"] for button in BeautifulSoup(html, "html.parser")("button")]


def test_desk_offers_a_reporter_edit_and_delete_on_their_own_post(client, blog, reporter):
    post = actions.check_publish_post(blog, reporter, "Mine.")
    assert desk_tools(client, reporter, post) == ["edit", "delete"]


def test_desk_offers_a_reporter_no_tools_on_an_editors_post(client, blog, reporter, editor):
    post = actions.check_publish_post(blog, editor, "The editor's.")
    assert desk_tools(client, reporter, post) == []


def test_desk_offers_an_editor_every_tool_on_a_reporters_post(client, blog, reporter, editor):
    post = actions.check_publish_post(blog, reporter, "The reporter's.")
    assert desk_tools(client, editor, post) == ["edit", "pin", "key", "delete"]


def test_desk_offers_an_edition_admin_every_tool_on_a_reporters_post(client, blog, reporter, chief):
    post = actions.check_publish_post(blog, reporter, "The reporter's.")
    assert desk_tools(client, chief, post) == ["edit", "pin", "key", "delete"]


def test_a_post_arriving_live_gets_a_reporter_no_tools_when_it_is_an_editors(
    client, blog, reporter, editor
):
    post = actions.check_publish_post(blog, editor, "The editor's.")
    assert live_tools(client, reporter, post) == []


def test_a_post_arriving_live_gets_its_reporter_edit_and_delete(client, blog, reporter):
    post = actions.check_publish_post(blog, reporter, "Mine.")
    assert live_tools(client, reporter, post) == ["edit", "delete"]


def test_a_post_arriving_live_gets_an_editor_every_tool(client, blog, reporter, editor):
    post = actions.check_publish_post(blog, reporter, "The reporter's.")
    assert live_tools(client, editor, post) == ["edit", "pin", "key", "delete"]


def test_a_reporters_composer_has_no_key_event_box(client, blog, reporter):
    client.force_login(reporter)
    html = client.get(reverse("live_desk", args=(blog.pk,))).content.decode()
    assert 'id="desk-key-event"' not in html


def test_an_editors_composer_has_the_key_event_box(client, blog, editor):
    client.force_login(editor)
    html = client.get(reverse("live_desk", args=(blog.pk,))).content.decode()
    assert 'id="desk-key-event"' in html
