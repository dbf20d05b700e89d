"""Forms need CSRF; floods are refused per IP as well as per account; sign-in is rate limited."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client

from dateline.comments.models import Comment


def test_comment_form_refuses_a_post_without_csrf(story, reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    response = client.post(f"/comments/story/{story.pk}/", {"text": "Forged."})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_flood_from_one_ip_is_refused_across_accounts(client, story, settings):
    settings.COMMENT_RATE_PER_IP = (2, 60)
    User = get_user_model()
    for n in range(3):
        client.force_login(User.objects.create_user(f"sock{n}", f"s{n}@example.com", "x"))
        client.post(f"/comments/story/{story.pk}/", {"text": f"Sock puppet {n}."})
    assert Comment.objects.count() == 2


def test_repeated_failed_sign_ins_are_rate_limited(client, reader):
    for _ in range(6):
        response = client.post("/accounts/login/", {"login": "reader", "password": "wrong"})
    assert (
        response.status_code == 429 or "Too many failed login attempts" in response.content.decode()
    )
    # Even the right password is refused while the limit holds.
    client.post("/accounts/login/", {"login": "reader", "password": "correct horse battery"})
    assert "_auth_user_id" not in client.session
