"""Behind the proxy the README recommends, one reader's failed sign-ins lock out only them."""

from __future__ import annotations

from django.contrib.auth import get_user_model


def test_one_readers_failed_sign_ins_do_not_lock_out_another(client, reader, settings):
    settings.TRUSTED_PROXIES = 1
    settings.ACCOUNT_EMAIL_VERIFICATION = "none"  # the neighbour signs straight in
    get_user_model().objects.create_user("neighbour", "n@example.com", "correct horse battery")
    for _ in range(6):
        client.post(
            "/accounts/login/",
            {"login": "reader", "password": "wrong"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    client.post(
        "/accounts/login/",
        {"login": "neighbour", "password": "correct horse battery"},
        HTTP_X_FORWARDED_FOR="198.51.100.2",
    )
    assert client.session.get("_auth_user_id") is not None
