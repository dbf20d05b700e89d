"""Who may post where, and what a post may contain."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dateline.live import actions
from dateline.live.models import LiveEvent, LivePost

from ..factories import LiveBlogPageFactory


def test_post_with_no_body_is_refused(blog, reporter):
    with pytest.raises(ValidationError, match="Write the post"):
        actions.check_publish_post(blog, reporter, "   ")
    assert not LiveEvent.objects.exists()


def test_post_over_the_size_limit_is_refused(blog, reporter, settings):
    settings.LIVE_POST_MAX_CHARS = 100
    with pytest.raises(ValidationError, match="under 100 characters"):
        actions.check_publish_post(blog, reporter, "x" * 101)
    assert not LivePost.objects.exists()


def test_post_to_a_closed_blog_is_refused(blog, reporter, editor):
    actions.check_set_coverage(blog, editor, False)
    with pytest.raises(ValidationError, match="Coverage of this blog has ended"):
        actions.check_publish_post(blog, reporter, "Late news.")


def test_reporter_cannot_post_in_another_edition(newsroom, reporter):
    mexico = LiveBlogPageFactory(parent=newsroom["mx"])
    with pytest.raises(PermissionDenied, match="México"):
        actions.check_publish_post(mexico, reporter, "News.")
    assert not LivePost.objects.exists()


def test_reporter_cannot_close_coverage(blog, reporter):
    with pytest.raises(PermissionDenied):
        actions.check_set_coverage(blog, reporter, False)


def test_reader_cannot_post(blog, reader):
    with pytest.raises(PermissionDenied):
        actions.check_publish_post(blog, reader, "News.")


def test_stale_edit_is_refused_with_the_current_version(blog, reporter, editor):
    post = actions.check_publish_post(blog, reporter, "Original.")
    actions.check_edit_post(post, editor, "Editor's version.", 1)
    with pytest.raises(actions.EditConflict) as conflict:
        actions.check_edit_post(post, reporter, "Reporter's version.", 1)
    assert conflict.value.current.body_source == "Editor's version."
    assert LivePost.objects.get(pk=post.pk).body_source == "Editor's version."


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>Text",
        '<img src=x onerror="alert(1)">Text',
        '<a href="javascript:alert(1)">Text</a>',
        '<p onclick="alert(1)">Text</p>',
        "<svg><script>alert(1)</script></svg>Text",
        '<iframe src="https://example.com"></iframe>Text',
        '<a href="data:text/html,<script>alert(1)</script>">Text</a>',
    ],
)
def test_post_bodies_never_carry_script_to_readers(blog, reporter, payload):
    post = actions.check_publish_post(blog, reporter, payload)
    for bad in ("<script", "onerror", "onclick", "javascript:", "<svg", "<iframe", "data:"):
        assert bad not in post.body.lower()
    assert "Text" in post.body


def test_lines_starting_with_a_chevron_are_a_quotation_with_its_source(blog, reporter):
    post = actions.check_publish_post(
        blog,
        reporter,
        "The mayor spoke at noon.\n\n> Nobody goes back to the harbour tonight.\n"
        "> Not one boat.\n— Ana Ruiz, mayor\n\n> Levels: 5 < 7 & falling",
    )
    assert post.body == (
        "<p>The mayor spoke at noon.</p>"
        "<blockquote><p>Nobody goes back to the harbour tonight.<br>Not one boat.</p>"
        "<p>— <cite>Ana Ruiz, mayor</cite></p></blockquote>"
        "<blockquote><p>Levels: 5 &lt; 7 &amp; falling</p></blockquote>"
    )


def test_plain_text_gets_paragraphs_links_and_link_cards(blog, reporter):
    post = actions.check_publish_post(
        blog,
        reporter,
        "First line.\n\nSee https://example.com/report now.\n\nhttps://example.com/video",
    )
    assert post.body.startswith("<p>First line.</p>")
    assert '<a href="https://example.com/report" rel="noopener">' in post.body
    assert 'class="link-card"' in post.body
