"""A changed password or a deactivated account ends the account's API tokens,
whichever door it happens through; a hash upgrade at sign-in does not."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core import mail
from django.urls import reverse

from ..api.support import bearer, token_for

NEW_PASSWORD = "a brand new pass phrase 7"


class QuickPBKDF2(PBKDF2PasswordHasher):
    """A preferred hasher stronger than the suite's MD5, and still quick."""

    iterations = 2


def works(client, token) -> bool:
    return client.get("/api/v1/stories/", **bearer(token)).status_code == 200


@pytest.fixture
def token(client, reader):
    return token_for(client, "reader")


def test_a_token_works_until_something_changes(client, token):
    assert works(client, token)


def test_changing_the_password_revokes_the_accounts_tokens(client, reader, token):
    client.force_login(reader)
    client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "correct horse battery",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert not works(client, token)


def test_resetting_the_password_revokes_the_accounts_tokens(client, reader, token):
    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    client.post("/accounts/password/reset/", {"email": reader.email})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[-1].body)
    form = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    client.post(form, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert not works(client, token)


def test_an_admin_setting_the_password_revokes_the_accounts_tokens(client, admin, reader, token):
    client.force_login(admin)
    client.post(
        reverse("wagtailusers_users:edit", args=[reader.pk]),
        {
            "username": "reader",
            "email": reader.email,
            "first_name": "Re",
            "last_name": "Ader",
            "is_active": "on",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert not works(client, token)


def test_set_password_anywhere_revokes_the_accounts_tokens(client, reader, token):
    reader.set_password(NEW_PASSWORD)
    reader.save()
    assert not works(client, token)


def test_deactivating_the_account_revokes_its_tokens(client, admin, reader, token):
    client.force_login(admin)
    client.post(
        reverse("wagtailusers_users:edit", args=[reader.pk]),
        {"username": "reader", "email": reader.email, "first_name": "Re", "last_name": "Ader"},
    )
    reader.refresh_from_db()
    reader.is_active = True
    reader.save()  # even once the account is active again, the old token stays dead
    assert not works(client, token)


def test_deactivating_accounts_in_bulk_revokes_their_tokens(client, admin, reader, token):
    client.force_login(admin)
    bulk = reverse("wagtail_bulk_action", args=("auth", "user", "set_active_state"))
    client.post(f"{bulk}?id={reader.pk}", {"mark_as_active": "False"})
    reader.refresh_from_db()
    reader.is_active = True
    reader.save()  # the UPDATE Wagtail made is seen by no save signal
    assert not works(client, token)


def test_a_password_change_leaves_other_accounts_tokens_alone(client, reader, reporter):
    theirs = token_for(client, "reporter")
    reader.set_password(NEW_PASSWORD)
    reader.save()
    assert works(client, theirs)


def test_a_stronger_hash_of_the_same_password_at_sign_in_keeps_the_tokens(
    client, reader, token, settings
):
    settings.PASSWORD_HASHERS = [
        "tests.accounts.test_tokens_end_with_credentials.QuickPBKDF2",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    token_for(client, "reader")  # signing in upgrades the stored MD5 hash
    reader.refresh_from_db()
    assert reader.password.startswith("pbkdf2_sha256$2$")
    assert works(client, token)
