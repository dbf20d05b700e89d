"""Signed-in readers comment, reply, edit within a window and delete their own comments."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from dateline.comments.models import Comment


def comment_on(client, story, text, parent=None):
    data = {"text": text, **({"parent": parent.pk} if parent else {})}
    return client.post(f"/comments/story/{story.pk}/", data)


def comments_on_page(client, story) -> BeautifulSoup:
    return BeautifulSoup(client.get(story.url).content, "html.parser").select_one("#comments")


def test_anonymous_reader_sees_comments_and_is_invited_to_sign_in(client, story, reader):
    Comment.objects.create(story=story, author=reader, text="First!", html="<p>First!</p>")
    section = comments_on_page(client, story)
    assert "First!" in section.get_text()
    link = section.select_one('a[href^="/accounts/login/"]')
    assert link["href"] == f"/accounts/login/?next={story.url}%23comments"
    assert section.find("form") is None


def test_signed_in_reader_comments_and_sees_it(client, story, reader):
    client.force_login(reader)
    response = comment_on(client, story, "Thanks for the update.")
    comment = Comment.objects.get()
    assert response["Location"] == f"{story.url}#comment-{comment.pk}"
    section = comments_on_page(client, story)
    assert "Thanks for the update." in section.select_one(f"#comment-{comment.pk}").get_text()
    assert "(1)" in section.select_one(".comments__count").get_text()


def test_anonymous_post_is_sent_to_sign_in_and_stores_nothing(client, story):
    response = comment_on(client, story, "Sneaky.")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_replies_nest_two_levels_deep(client, story, reader, other_reader):
    client.force_login(reader)
    comment_on(client, story, "Top.")
    top = Comment.objects.get()
    client.force_login(other_reader)
    comment_on(client, story, "Reply.", parent=top)
    reply = Comment.objects.get(text="Reply.")
    comment_on(client, story, "Reply to reply.", parent=reply)
    deepest = Comment.objects.get(text="Reply to reply.")
    comment_on(client, story, "Deeper still.", parent=deepest)
    assert (reply.depth, deepest.depth) == (1, 2)
    assert Comment.objects.get(text="Deeper still.").parent == reply  # joins the deepest thread
    section = comments_on_page(client, story)
    assert section.select_one(f"#comment-{top.pk} #comment-{reply.pk} #comment-{deepest.pk}")


def test_reader_edits_their_comment_within_the_window(client, story, reader):
    client.force_login(reader)
    comment_on(client, story, "Teh storm.")
    comment = Comment.objects.get()
    client.post(f"/comments/{comment.pk}/edit/", {"text": "The storm."})
    comment.refresh_from_db()
    assert comment.text == "The storm." and comment.edited_at


def test_edit_after_the_window_is_refused(client, story, reader, settings):
    client.force_login(reader)
    comment_on(client, story, "Original.")
    Comment.objects.update(
        created_at=timezone.now() - timedelta(minutes=settings.COMMENT_EDIT_MINUTES + 1)
    )
    client.post(f"/comments/{Comment.objects.get().pk}/edit/", {"text": "Changed."})
    assert Comment.objects.get().text == "Original."
    assert "se pueden editar durante" in comments_on_page(client, story).get_text()


def test_reader_cannot_edit_or_delete_another_readers_comment(client, story, reader, other_reader):
    client.force_login(reader)
    comment_on(client, story, "Mine.")
    comment = Comment.objects.get()
    client.force_login(other_reader)
    assert client.post(f"/comments/{comment.pk}/edit/", {"text": "Hacked."}).status_code == 404
    assert client.post(f"/comments/{comment.pk}/delete/").status_code == 404
    comment.refresh_from_db()
    assert comment.text == "Mine." and not comment.deleted_by_author


def test_deleted_comment_leaves_a_placeholder_for_its_replies(client, story, reader, other_reader):
    client.force_login(reader)
    comment_on(client, story, "To be deleted.")
    top = Comment.objects.get()
    client.force_login(other_reader)
    comment_on(client, story, "A reply.", parent=top)
    client.force_login(reader)
    client.post(f"/comments/{top.pk}/delete/")
    section = comments_on_page(client, story)
    assert "To be deleted." not in section.get_text()
    assert section.select_one(f"#comment-{top.pk} .comment__notice")  # the placeholder
    assert "A reply." in section.get_text()


# The story is Chilean: the errors are in its edition's language and numbers.
@pytest.mark.parametrize(
    "text, error",
    [("   ", "Escribe tu comentario antes de enviarlo."), ("x" * 2001, "menos de 2\xa0000")],
)
def test_bad_comment_gets_a_clear_error_and_stores_nothing(client, story, reader, text, error):
    client.force_login(reader)
    comment_on(client, story, text)
    assert not Comment.objects.exists()
    assert error in comments_on_page(client, story).get_text()


def test_reply_to_a_comment_of_another_story_is_refused(client, newsroom, story, reader):
    from ..factories import ArticlePageFactory

    elsewhere = ArticlePageFactory(parent=newsroom["cl"])
    client.force_login(reader)
    comment_on(client, elsewhere, "Elsewhere.")
    comment_on(client, story, "Cross-story reply.", parent=Comment.objects.get())
    assert not Comment.objects.filter(text="Cross-story reply.").exists()


def test_reply_to_a_removed_comment_is_refused(client, story, reader, other_reader):
    removed = Comment.objects.create(
        story=story, author=other_reader, text="x", html="x", status="removed"
    )
    client.force_login(reader)
    comment_on(client, story, "Reply.", parent=removed)
    assert not Comment.objects.filter(text="Reply.").exists()


def test_comment_on_an_unpublished_story_is_refused(client, story, reader):
    story.unpublish()
    client.force_login(reader)
    assert comment_on(client, story, "Hello?").status_code == 404
    assert not Comment.objects.exists()


def test_closed_comments_keep_existing_ones_and_drop_the_form(client, story, reader):
    Comment.objects.create(
        story=story, author=reader, text="Before closing.", html="<p>Before closing.</p>"
    )
    story.comments_mode = "closed"
    story.save()
    client.force_login(reader)
    comment_on(client, story, "After closing.")
    section = comments_on_page(client, story)
    assert "Before closing." in section.get_text()
    assert section.select_one("form.comment-form") is None
    assert not Comment.objects.filter(text="After closing.").exists()


def test_pre_moderated_comment_waits_and_only_its_author_sees_it(
    client, story, reader, other_reader
):
    story.comments_mode = "pre"
    story.save()
    client.force_login(reader)
    comment_on(client, story, "Please approve me.")
    comment = Comment.objects.get()
    assert comment.status == "pending"
    assert comments_on_page(client, story).select_one(f"#comment-{comment.pk} .comment__notice")
    client.force_login(other_reader)
    assert "Please approve me." not in comments_on_page(client, story).get_text()


def test_flood_of_comments_is_slowed_down_and_nothing_more_stored(client, story, reader, settings):
    settings.COMMENT_RATE_PER_ACCOUNT = (2, 60)
    client.force_login(reader)
    for n in range(3):
        comment_on(client, story, f"Comment {n}.")
    assert Comment.objects.count() == 2
    assert "demasiado rápido" in comments_on_page(client, story).get_text()


def test_the_text_a_reader_typed_survives_a_refused_comment(client, story, reader, settings):
    settings.COMMENT_RATE_PER_ACCOUNT = (0, 60)
    client.force_login(reader)
    comment_on(client, story, "My carefully written words.")
    assert (
        "My carefully written words."
        in comments_on_page(client, story).select_one("#comment-text").get_text()
    )
