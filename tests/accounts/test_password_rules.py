"""A reader's password has at least twelve characters, and any characters at all."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model


def _sign_up(client, password):
    return client.post(
        "/accounts/signup/",
        {
            "username": "newreader",
            "email": "new@example.com",
            "password1": password,
            "password2": password,
        },
    )


def test_a_password_of_eleven_characters_is_refused(client, db):
    _sign_up(client, "tormenta-42")
    assert not get_user_model().objects.filter(username="newreader").exists()


@pytest.mark.parametrize("password", ["una frase larga de contraseña", "ñandú ☂ 雨 tormenta 42"])
def test_a_long_password_of_any_characters_is_accepted(client, db, password):
    _sign_up(client, password)
    assert get_user_model().objects.filter(username="newreader").exists()
