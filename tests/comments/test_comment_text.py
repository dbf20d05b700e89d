"""A comment is text a reader can see: invisible characters alone, or a NUL, are refused
and nothing is stored (the words stay in the form)."""

from __future__ import annotations

import pytest

from dateline.comments.models import Comment


@pytest.mark.parametrize(
    "text",
    [
        "\u200b\u200c\u200d",  # zero-width space, non-joiner, joiner
        "\u202e\u2066\u2069\u200f",  # direction overrides, isolates and marks
        "Power is back\x00 in the harbour.",
    ],
)
def test_a_comment_that_is_not_visible_text_is_not_stored(client, story, reader, text):
    client.force_login(reader)
    client.post(f"/comments/story/{story.pk}/", {"text": text})
    assert not Comment.objects.exists()
