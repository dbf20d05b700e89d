"""Behind the proxy the README recommends, each reader's comments count against their own limit."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from dateline.comments.models import Comment


def test_comment_limits_count_each_reader_behind_the_proxy(client, story, settings):
    settings.TRUSTED_PROXIES = 1
    settings.COMMENT_RATE_PER_IP = (1, 60)
    User = get_user_model()
    for n, address in enumerate(["203.0.113.7", "198.51.100.2"]):
        client.force_login(User.objects.create_user(f"neighbour{n}", f"n{n}@example.com", "x"))
        client.post(
            f"/comments/story/{story.pk}/",
            {"text": f"From reader {n}."},
            HTTP_X_FORWARDED_FOR=address,
        )
    assert Comment.objects.count() == 2
