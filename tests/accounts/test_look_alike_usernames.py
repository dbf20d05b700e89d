"""A username reads as what it is: letters of one alphabet, digits and . _ -,
nothing that passes for a letter it is not, nothing invisible."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from .test_account_life_cycle import sign_up

PERSONAS = ["editor", "reporter", "chief", "reader", "admin"]


def full_width(text: str) -> str:
    """The same letters in their full-width forms, as some keyboards type them."""
    return "".join(chr(ord(char) + 0xFEE0) for char in text)


def usernames():
    """Who signed up in the test: everyone but the suite's shared personas."""
    people = get_user_model().objects.exclude(username__in=PERSONAS)
    return list(people.values_list("username", flat=True))


def refusal(response) -> list[str]:
    return response.context["form"].errors.get("username", [])


def test_a_cyrillic_a_in_a_latin_name_is_refused_at_sign_up(client, db):
    response = sign_up(client, username="\u0430dmin")  # the first letter is Cyrillic
    assert refusal(response) == [
        "“\u0430” looks like “a” but is a different character, so it cannot be used in a username."
    ]


def test_a_name_all_in_cyrillic_look_alikes_is_refused(client, db):
    sign_up(
        client, username="\u0430\u0440\u0435\u0441"
    )  # Cyrillic "ares", which reads as Latin "apec"
    assert usernames() == []


def test_a_latin_letter_that_passes_for_another_is_refused(client, db):
    sign_up(client, username="adm\u0131n")  # a dotless i
    assert usernames() == []


def test_letters_of_two_alphabets_are_refused(client, db):
    response = sign_up(
        client, username="\u0436love"
    )  # Cyrillic ж, which looks like no Latin letter
    assert refusal(response) == [
        "A username must use the letters of one alphabet; this one mixes Cyrillic and Latin."
    ]


@pytest.mark.parametrize("invisible", ["\u200d", "\u200b", "\u00ad", "\u202e", "\u3164"])
def test_an_invisible_character_is_refused(client, db, invisible):
    response = sign_up(client, username=f"ad{invisible}min")
    assert refusal(response)[0].startswith("A username cannot contain invisible characters")


def test_spaces_and_other_signs_are_refused(client, db):
    response = sign_up(client, username="ana+news")
    assert refusal(response) == ["A username may contain only letters, digits and . _ -, not “+”."]


def test_a_spanish_name_with_accents_is_accepted(client, db):
    sign_up(client, username="José.Núñez_2")
    assert usernames() == ["José.Núñez_2"]


def test_a_name_in_one_other_alphabet_is_accepted(client, db):
    sign_up(client, username="жизнь")  # Cyrillic, none of whose letters passes for a Latin one
    assert usernames() == ["жизнь"]


def test_a_full_width_name_is_stored_as_the_plain_letters_it_shows(client, db):
    sign_up(client, username=full_width("newreader"))
    assert usernames() == ["newreader"]


def test_a_full_width_copy_of_a_taken_name_is_refused(client, reader):
    sign_up(client, username=full_width("reader"))
    assert usernames() == []  # the reader alone holds "reader"; no second account came


def add_user_in_the_admin(client, username):
    return client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": username,
            "email": "new@example.com",
            "first_name": "New",
            "last_name": "Person",
            "password1": "a long pass phrase 42",
            "password2": "a long pass phrase 42",
        },
    )


def test_the_admins_user_form_refuses_a_look_alike_username(client, admin):
    client.force_login(admin)
    response = add_user_in_the_admin(client, "\u0430dmin2")
    assert response.context["form"].errors["username"] == [
        "“\u0430” looks like “a” but is a different character, so it cannot be used in a username."
    ]


def test_the_admins_user_form_stores_the_plain_letters_a_full_width_name_shows(client, admin):
    client.force_login(admin)
    add_user_in_the_admin(client, full_width("newcomer"))
    assert get_user_model().objects.filter(username="newcomer").exists()


def test_an_old_look_alike_account_can_be_deactivated_without_renaming(client, admin):
    old = get_user_model().objects.create_user("\u0430dmin", "old@example.com", "x")
    client.force_login(admin)
    client.post(
        reverse("wagtailusers_users:edit", args=[old.pk]),
        {"username": old.username, "email": old.email, "first_name": "O", "last_name": "L"},
    )
    old.refresh_from_db()
    assert not old.is_active
