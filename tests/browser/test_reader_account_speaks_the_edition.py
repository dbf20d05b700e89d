"""A reader of the Chilean edition signs up, confirms, resets a password and
deletes the account, all in Spanish, and each step leads back to the page
they started from."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from dateline.articles.models import ArticlePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
CHILEAN_STORY = "contactar-familiares-valdemar"
PASSWORD = "una frase de paso bien larga 42"


@pytest.fixture
def mailbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return mail.outbox


@pytest.fixture
def chilean_story(demo_newsroom):
    return ArticlePage.objects.get(slug=CHILEAN_STORY)


def link_in(message, path: str) -> str:
    """The link to `path` in a mail, made relative to the test server."""
    url = re.search(rf"https?://\S+{re.escape(path)}\S*", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def sign_in_from(page, story, username, password="dateline-demo"):
    page.goto(story.url)
    page.locator(".masthead__tools a", has_text="Iniciar sesión").click()
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{story.url}*")


def sign_up_from(page, story):
    page.goto(story.url)
    page.locator(".masthead__tools a", has_text="Iniciar sesión").click()
    expect(page.locator("html")).to_have_attribute("lang", "es-CL")
    page.locator("main a[href*='/accounts/signup/']").click()
    expect(page.locator("h1")).to_have_text("Registrarse")
    page.fill("input[name=email]", "ines@example.com")
    page.fill("input[name=username]", "ines")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Verifique su dirección de correo electrónico")


def test_reader_signs_up_in_spanish_and_lands_back_on_the_story(page, chilean_story, mailbox):
    sign_up_from(page, chilean_story)

    page.goto(link_in(mailbox[-1], "/accounts/confirm-email/"))
    expect(page.locator("h1")).to_have_text("Confirmar dirección de correo electrónico")
    page.get_by_role("button", name="Confirmar").click()

    page.wait_for_url(f"**{chilean_story.url}*")
    expect(page.locator(".masthead__user")).to_have_text("ines")


def test_confirmation_mail_is_in_spanish(page, chilean_story, mailbox):
    sign_up_from(page, chilean_story)
    assert mailbox[-1].subject.endswith("Por favor, confirme su dirección de correo electrónico")


def test_reader_resets_a_password_in_spanish_and_lands_back(page, chilean_story, mailbox):
    page.goto(chilean_story.url)
    page.locator(".masthead__tools a", has_text="Iniciar sesión").click()
    page.get_by_role("link", name="¿Ha olvidado su contraseña?").click()
    expect(page.locator("h1")).to_have_text("Restablecer Contraseña")
    page.fill("input[name=email]", "reader@example.com")
    page.locator("main form button[type=submit]").click()

    reset = mailbox[-1]
    assert "contraseña" in reset.subject.lower()
    page.goto(link_in(reset, "/accounts/password/reset/key/"))
    expect(page.locator("h1")).to_have_text("Cambiar la contraseña")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.get_by_role("button", name="Cambiar la contraseña").click()

    page.wait_for_url(f"**{chilean_story.url}*")
    sign_in_from(page, chilean_story, "reader", PASSWORD)
    expect(page.locator(".masthead__user")).to_have_text("reader")


def test_reader_deletes_the_account_in_spanish(page, chilean_story):
    sign_in_from(page, chilean_story, "reader")
    page.get_by_role("link", name="Eliminar la cuenta").click()
    expect(page.locator("h1")).to_have_text("Eliminar tu cuenta")
    page.get_by_label("Tu contraseña").fill("dateline-demo")
    page.get_by_role("button", name="Eliminar mi cuenta").click()

    page.wait_for_url(f"**{chilean_story.url}*")
    expect(page.get_by_role("status")).to_have_text(
        "Tu cuenta y tus datos personales se han eliminado."
    )
