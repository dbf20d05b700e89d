"""Every login door (the API's token endpoint, the admin's login, readers' sign-in)
refuses an account, or an address, after five failed sign-ins in five minutes,
without checking the password; failures at one door count at all of them."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import MD5PasswordHasher

RIGHT = "correct horse battery"
LOCKED_OUT = "Too many failed sign-ins for this account or from this address. Wait 5 minutes"


class CountingHasher(MD5PasswordHasher):
    """The suite's MD5 hasher, counting the passwords it hashes (checking one hashes it)."""

    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.fixture
def hashes(settings):
    """How many passwords have been hashed since the last call."""
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]

    def since_last():
        count, CountingHasher.calls = CountingHasher.calls, 0
        return count

    since_last()
    return since_last


def token(client, username, password, address="198.51.100.1", **headers):
    return client.post(
        "/api/v1/auth/token",
        {"username": username, "password": password},
        content_type="application/json",
        REMOTE_ADDR=address,
        **headers,
    )


def admin_login(client, username, password, address="198.51.100.1"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def fail(door, client, username, times=5, addresses=None):
    for n in range(times):
        door(client, username, "wrong", address=addresses[n] if addresses else "198.51.100.1")


ADDRESSES = [f"203.0.113.{n}" for n in range(1, 6)]


# The API's token endpoint


def test_five_failures_are_each_checked_and_refused(client, reader):
    fail(token, client, "reader", times=4)
    assert token(client, "reader", "wrong").status_code == 401


def test_the_sixth_attempt_is_refused_even_with_the_right_password(client, reader):
    fail(token, client, "reader")
    assert token(client, "reader", RIGHT).status_code == 429


def test_a_refusal_is_a_problem_saying_when_to_come_back(client, reader):
    fail(token, client, "reader")
    response = token(client, "reader", RIGHT)
    assert (response["Content-Type"], response["Retry-After"]) == (
        "application/problem+json",
        "300",
    )


def test_a_refused_attempt_hashes_no_password(client, reader, hashes):
    fail(token, client, "reader")
    hashes()
    token(client, "reader", RIGHT)
    assert hashes() == 0


def test_an_account_failing_from_many_addresses_is_refused_everywhere(client, reader):
    fail(token, client, "reader", addresses=ADDRESSES)
    assert token(client, "reader", RIGHT, address="192.0.2.99").status_code == 429


def test_an_address_failing_on_many_accounts_is_refused_for_any(client, reader):
    for n in range(5):
        token(client, f"nobody{n}", "wrong")
    assert token(client, "reader", RIGHT).status_code == 429


def test_another_address_is_not_locked_out_by_failures_on_a_different_account(
    client, reader, reporter
):
    fail(token, client, "reader")
    assert token(client, "reporter", RIGHT, address="192.0.2.99").status_code == 200


def test_a_success_does_not_reset_another_accounts_count(client, reader, reporter):
    fail(token, client, "reader", addresses=ADDRESSES)
    token(client, "reporter", RIGHT, address=ADDRESSES[0])
    assert token(client, "reader", RIGHT, address="192.0.2.99").status_code == 429


def test_successes_are_not_failures(client, reader):
    for _ in range(6):
        response = token(client, "reader", RIGHT)
    assert response.status_code == 200


def test_the_address_that_counts_is_the_one_the_trusted_proxy_saw(client, reader, settings):
    settings.TRUSTED_PROXIES = 1
    for n in range(5):
        token(client, f"nobody{n}", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.1")
    # Another reader behind the same proxy is not the address that failed.
    response = token(client, "reader", RIGHT, HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert response.status_code == 200


# The admin's login


def test_the_admin_login_refuses_the_sixth_attempt_even_with_the_right_password(client, editor):
    fail(admin_login, client, "editor")
    admin_login(client, "editor", RIGHT)
    assert "_auth_user_id" not in client.session


def test_the_admin_login_says_to_wait(client, editor):
    fail(admin_login, client, "editor")
    response = admin_login(client, "editor", RIGHT)
    assert response.context["form"].non_field_errors()[0].startswith(LOCKED_OUT)


def test_the_admin_login_hashes_no_password_when_refusing(client, editor, hashes):
    fail(admin_login, client, "editor")
    hashes()
    admin_login(client, "editor", RIGHT)
    assert hashes() == 0


def test_the_admin_login_still_signs_in_with_the_right_password(client, editor):
    fail(admin_login, client, "editor", times=4)
    admin_login(client, "editor", RIGHT)
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_another_address_still_signs_in_to_the_admin_as_someone_else(client, editor, chief):
    fail(admin_login, client, "editor")
    admin_login(client, "chief", RIGHT, address="192.0.2.99")
    assert client.session["_auth_user_id"] == str(chief.pk)


# One count for every door


def test_failures_at_the_api_lock_the_admin_login(client, editor):
    fail(token, client, "editor", addresses=ADDRESSES)
    admin_login(client, "editor", RIGHT, address="192.0.2.99")
    assert "_auth_user_id" not in client.session


@pytest.fixture
def verified_reader(reader):
    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    return reader


def reader_sign_in(client, address="192.0.2.9"):
    client.post("/accounts/login/", {"login": "reader", "password": RIGHT}, REMOTE_ADDR=address)


def test_a_verified_reader_signs_in_with_the_right_password(client, verified_reader):
    reader_sign_in(client)
    assert client.session["_auth_user_id"] == str(verified_reader.pk)


def test_failures_at_the_admin_lock_the_readers_sign_in(client, verified_reader):
    fail(admin_login, client, "reader", addresses=ADDRESSES)
    reader_sign_in(client)
    assert "_auth_user_id" not in client.session


def test_failures_at_the_readers_sign_in_lock_the_api(client, verified_reader):
    for address in ADDRESSES:
        client.post("/accounts/login/", {"login": "reader", "password": "x"}, REMOTE_ADDR=address)
    assert token(client, "reader", RIGHT, address="192.0.2.99").status_code == 429
