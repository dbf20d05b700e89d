"""Logging out of the admin ends the session on the server, not only in the browser:
a copy of the old session cookie (a shared computer, a leaked cookie) no longer signs in."""

from __future__ import annotations

from django.conf import settings
from django.test import Client


def signed_in_cookie(client, user) -> str:
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def replay(cookie: str):
    """The admin's dashboard, asked for with a copy of the old cookie."""
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = cookie
    return other.get("/admin/")


def test_the_old_cookie_signs_in_before_logging_out(client, editor):
    assert replay(signed_in_cookie(client, editor)).status_code == 200


def test_logging_out_by_get_ends_the_session_on_the_server(client, editor):
    cookie = signed_in_cookie(client, editor)
    client.get("/admin/logout/")
    assert replay(cookie)["Location"].startswith("/admin/login/")


def test_logging_out_by_post_ends_the_session_on_the_server(editor):
    client = Client(enforce_csrf_checks=True)
    cookie = signed_in_cookie(client, editor)
    client.get("/admin/")  # the page a person logs out from sets the CSRF cookie
    client.post("/admin/logout/", {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert replay(cookie)["Location"].startswith("/admin/login/")


def test_logging_out_by_get_takes_the_person_to_the_login_page(client, editor):
    client.force_login(editor)
    assert client.get("/admin/logout/")["Location"] == "/admin/login/"
