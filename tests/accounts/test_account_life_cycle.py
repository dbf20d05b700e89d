"""Readers sign up, verify their email, sign in, reset a password, and delete their account."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from dateline.comments.models import Comment


def sign_up(client, username="newreader", email="new@example.com"):
    return client.post(
        "/accounts/signup/",
        {
            "username": username,
            "email": email,
            "password1": "a long pass phrase 42",
            "password2": "a long pass phrase 42",
        },
    )


def test_sign_up_sends_a_verification_email_and_verifying_signs_in(client, db):
    sign_up(client)
    assert get_user_model().objects.filter(username="newreader").exists()
    assert "new@example.com" in mail.outbox[0].to
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail.outbox[0].body).group(0)
    client.post(link.replace("http://testserver", ""))
    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.get(email="new@example.com").verified


def test_unverified_reader_cannot_sign_in(client, db):
    sign_up(client)
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "newreader", "password": "a long pass phrase 42"}
    )
    assert "_auth_user_id" not in client.session
    # Sent to the page that asks them to verify their email address first.
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")


def test_password_reset_sends_a_link(client, reader):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    client.post("/accounts/password/reset/", {"email": reader.email})
    assert "/accounts/password/reset/key/" in mail.outbox[-1].body


def test_deleting_an_account_keeps_comments_as_from_a_deleted_account(client, story, reader):
    Comment.objects.create(
        story=story, author=reader, text="Still here.", html="<p>Still here.</p>"
    )
    client.force_login(reader)
    response = client.post("/accounts/delete/", {"password": "correct horse battery"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="reader").exists()
    html = client.get(story.url).content.decode()
    assert "Still here." in html
    assert "Cuenta eliminada" in html  # "Deleted account", in the Chilean edition's Spanish


def test_deleting_needs_the_password(client, reader):
    client.force_login(reader)
    response = client.post("/accounts/delete/", {"password": "wrong"})
    assert "That is not your password." in response.content.decode()
    assert get_user_model().objects.filter(username="reader").exists()
