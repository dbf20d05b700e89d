"""Account pages, and the mails sent from them, speak the edition the reader
came from; their links lead back to the page the reader started on."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client


def language_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").html["lang"]


def sign_up_from(client, next_url):
    return client.post(
        f"/accounts/signup/?next={next_url}",
        {
            "username": "ines",
            "email": "ines@example.com",
            "password1": "una frase de paso bien larga 42",
            "password2": "una frase de paso bien larga 42",
        },
    )


def test_sign_in_page_speaks_the_edition_of_the_page_the_reader_came_from(client, story):
    assert language_of(client.get(f"/accounts/login/?next={story.url}")) == "es-CL"


def test_sign_in_page_without_an_edition_speaks_the_sites_language(client, db):
    assert language_of(client.get("/accounts/login/")) == "en"


def test_a_link_to_another_site_names_no_edition(client, db):
    response = client.get("/accounts/login/?next=https://elsewhere.example/cl/")
    assert language_of(response) == "en"


def test_the_edition_is_remembered_for_account_pages_reached_without_one(client, story):
    client.get(f"/accounts/login/?next={story.url}")
    assert language_of(client.get("/accounts/password/reset/")) == "es-CL"


def test_confirmation_mail_is_in_the_editions_language(client, story):
    sign_up_from(client, story.url)
    assert "Por favor, confirme" in mail.outbox[-1].subject


def test_confirmation_link_leads_back_to_the_page_the_reader_started_from(client, story):
    sign_up_from(client, story.url)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    response = client.post(link.replace("http://testserver", ""))
    assert response.url == story.url


def test_password_reset_mail_is_in_the_editions_language(client, story, reader):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    client.post(f"/accounts/password/reset/?next={story.url}", {"email": reader.email})
    assert "contraseña" in mail.outbox[-1].body


def test_deleting_an_account_says_so_in_the_editions_language(client, story, reader):
    client.force_login(reader)
    response = client.post(
        f"/accounts/delete/?next={story.url}", {"password": "correct horse battery"}, follow=True
    )
    assert "Tu cuenta y tus datos personales se han eliminado." in response.content.decode()


def test_a_confirmation_link_opened_in_another_browser_signs_no_one_in(client, story):
    sign_up_from(client, story.url)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    elsewhere = Client()
    elsewhere.post(link.replace("http://testserver", ""))
    assert "_auth_user_id" not in elsewhere.session


def test_a_reset_asked_for_without_next_still_leads_back_to_the_story(client, story, reader):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    client.get(f"/accounts/login/?next={story.url}")
    client.post("/accounts/password/reset/", {"email": reader.email})  # allauth's own link
    assert urlencode({"next": story.url}) in mail.outbox[-1].body
