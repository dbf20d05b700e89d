"""No HTML a reader types ever runs: comments, names and report reasons."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from dateline.comments import actions
from dateline.comments.models import CommentReport

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(1)",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '"><script>alert(1)</script>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<iframe src=//example.com>",
    '<div style="background:url(javascript:alert(1))">',
    "\u202e<script>alert(1)</script>",
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    'https://example.com/"onmouseover="alert(1)',
]


def assert_inert(fragment) -> None:
    """Only paragraphs, line breaks and http(s) links, with no event handlers, survive."""
    for tag in fragment.find_all(True):
        assert tag.name in {"p", "br", "a"}, tag
        for attribute in tag.attrs:
            assert attribute in {"href", "rel"}, tag
        if tag.name == "a":
            assert tag["href"].startswith(("http://", "https://")), tag


@pytest.mark.parametrize("payload", XSS)
def test_comment_payloads_render_as_text(client, story, reader, payload):
    client.force_login(reader)
    comment = actions.check_add_comment(story, reader, f"Before {payload} after")
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    text = page.select_one(f"#comment-{comment.pk} .comment__text")
    assert_inert(text)
    assert "Before" in text.get_text() and "after" in text.get_text()


@pytest.mark.parametrize("payload", XSS[:6])
def test_usernames_render_as_text(client, story, payload):
    author = get_user_model().objects.create_user(payload[:150], "x@example.com", "x")
    comment = actions.check_add_comment(story, author, "Hello.")
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    name = page.select_one(f"#comment-{comment.pk} .comment__author")
    assert name.find(True) is None  # no element inside: the name is text
    assert name.get_text() == payload[:150]


@pytest.mark.parametrize("payload", XSS[:6])
def test_report_reasons_are_stored_as_plain_text(story, reader, other_reader, payload):
    comment = actions.check_add_comment(story, other_reader, "Hi.")
    actions.check_report_comment(comment, reader, payload)
    assert CommentReport.objects.get().reason == payload.strip()  # escaped wherever shown


def test_links_in_comments_are_nofollow_ugc(story, reader):
    comment = actions.check_add_comment(story, reader, "See https://example.com/report")
    assert 'rel="nofollow ugc noopener"' in comment.html


def test_blocked_commenter_cannot_comment(story, reader, editor):
    first = actions.check_add_comment(story, reader, "Hi.")
    actions.block_commenters([first], editor, "Spam")
    with pytest.raises(PermissionDenied, match="no longer comment"):
        actions.check_add_comment(story, reader, "Again.")
