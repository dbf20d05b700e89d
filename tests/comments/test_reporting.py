"""Readers report abusive comments; several reports hide a comment until a moderator looks."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from dateline.comments import actions
from dateline.comments.models import Comment, CommentReport


@pytest.fixture
def comment(story, other_reader):
    return Comment.objects.create(
        story=story, author=other_reader, text="Rude.", html="<p>Rude.</p>"
    )


def readers(count):
    User = get_user_model()
    return [User.objects.create_user(f"r{n}", f"r{n}@example.com", "x") for n in range(count)]


def test_reader_reports_a_comment_with_a_reason(client, comment, reader):
    client.force_login(reader)
    client.post(f"/comments/{comment.pk}/report/", {"reason": "Insults another reader."})
    assert CommentReport.objects.get().reason == "Insults another reader."


def test_report_needs_a_reason(client, comment, reader):
    client.force_login(reader)
    client.post(f"/comments/{comment.pk}/report/", {"reason": " "})
    assert not CommentReport.objects.exists()


def test_a_reader_reports_a_comment_only_once(comment, reader):
    actions.check_report_comment(comment, reader, "Rude.")
    with pytest.raises(ValidationError, match="already reported"):
        actions.check_report_comment(comment, reader, "Still rude.")


def test_several_reports_hide_the_comment(client, comment, settings):
    for reporter in readers(settings.COMMENT_REPORTS_TO_HOLD):
        actions.check_report_comment(comment, reporter, "Abusive.")
    comment.refresh_from_db()
    assert comment.held_by_reports
    assert "Rude." not in client.get(comment.story.url).content.decode()


def test_fewer_reports_leave_it_visible(comment, settings):
    for reporter in readers(settings.COMMENT_REPORTS_TO_HOLD - 1):
        actions.check_report_comment(comment, reporter, "Abusive.")
    comment.refresh_from_db()
    assert not comment.held_by_reports


def test_a_report_outlives_the_account_of_the_reader_who_made_it(client, comment, reader):
    actions.check_report_comment(comment, reader, "Insults another reader.")
    client.force_login(reader)
    client.post("/accounts/delete/", {"password": "correct horse battery"})
    assert CommentReport.objects.get(comment=comment).reporter is None
