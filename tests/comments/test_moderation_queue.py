"""Moderators work a queue of pending, reported and removed comments across their editions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dateline.comments.models import Comment, CommenterBlock

from ..admin_refusals import refused, sent_to_sign_in
from ..factories import ArticlePageFactory


@pytest.fixture
def pending(story, reader):
    return Comment.objects.create(
        story=story,
        author=reader,
        text="Wait for me.",
        html="<p>Wait for me.</p>",
        status="pending",
    )


def queue(client, name="pending"):
    return client.get(reverse("comments_queue") + f"?queue={name}")


def act(client, action, comments, reason=""):
    return client.post(
        reverse("comments_queue"),
        {
            "action": action,
            "comment": [c.pk for c in comments],
            "reason": reason,
            "queue": "pending",
        },
    )


def test_editor_sees_pending_comments_of_their_editions_only(
    client, newsroom, editor, pending, reader
):
    mexico = ArticlePageFactory(parent=newsroom["mx"])
    Comment.objects.create(
        story=mexico, author=reader, text="In Mexico.", html="x", status="pending"
    )
    client.force_login(editor)
    html = queue(client).content.decode()
    assert "Wait for me." in html
    assert "In Mexico." not in html


def test_editor_approves_in_bulk(client, editor, pending, story, reader):
    second = Comment.objects.create(
        story=story, author=reader, text="Me too.", html="x", status="pending"
    )
    client.force_login(editor)
    act(client, "approve", [pending, second])
    assert set(Comment.objects.values_list("status", flat=True)) == {"published"}


def test_removal_needs_a_reason_which_the_author_then_sees(client, editor, pending, reader):
    client.force_login(editor)
    act(client, "remove", [pending])
    assert Comment.objects.get().status == "pending"  # no reason: nothing changed
    act(client, "remove", [pending], reason="Off topic.")
    assert Comment.objects.get().status == "removed"
    client.force_login(reader)
    assert "Off topic." in client.get(pending.story.url).content.decode()


def test_block_commenter_removes_and_blocks(client, editor, pending, reader):
    client.force_login(editor)
    act(client, "block", [pending], reason="Spam.")
    assert CommenterBlock.objects.filter(user=reader).exists()
    assert Comment.objects.get().status == "removed"


def test_reported_queue_lists_comments_readers_reported(
    client, editor, story, reader, other_reader
):
    from dateline.comments import actions

    comment = actions.check_add_comment(story, other_reader, "Rude.")
    actions.check_report_comment(comment, reader, "Insulting.")
    client.force_login(editor)
    assert "Rude." in queue(client, "reported").content.decode()


def test_editor_cannot_moderate_another_editions_comments(client, newsroom, editor, reader):
    mexico = ArticlePageFactory(parent=newsroom["mx"])
    foreign = Comment.objects.create(
        story=mexico, author=reader, text="x", html="x", status="pending"
    )
    client.force_login(editor)
    act(client, "approve", [foreign])
    assert Comment.objects.get().status == "pending"


def test_reporter_has_no_queue(client, reporter):
    client.force_login(reporter)
    assert refused(queue(client))


def test_reader_has_no_queue_and_is_sent_to_sign_in(client, reader):
    client.force_login(reader)
    assert sent_to_sign_in(queue(client))


def test_reported_queue_still_lists_a_report_whose_reader_deleted_their_account(
    client, editor, story, reader, other_reader
):
    from dateline.comments import actions

    comment = actions.check_add_comment(story, other_reader, "Rude.")
    actions.check_report_comment(comment, reader, "Insulting.")
    reader.delete()
    client.force_login(editor)
    assert "Rude." in queue(client, "reported").content.decode()
