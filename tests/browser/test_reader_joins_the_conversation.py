"""A reader signs up, verifies their email, comments, replies and reports; a moderator
approves and removes comments from the queue."""

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
STORY = "tormenta-aurelia-apagon-costa-valdemar"


def sign_in(page, username, password="dateline-demo"):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").click()


def test_reader_signs_up_comments_replies_and_reports(page, demo_newsroom, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    story = ArticlePage.objects.get(slug=STORY)
    page.goto(story.url)
    page.get_by_role("link", name="Inicia sesión para comentar").click()
    page.locator("main a[href*='/accounts/signup/']").click()
    page.fill("input[name=email]", "ana@example.com")
    page.fill("input[name=username]", "ana")
    page.fill("input[name=password1]", "a long pass phrase 42")
    page.fill("input[name=password2]", "a long pass phrase 42")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Verifique su dirección de correo electrónico")

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.locator("main form button[type=submit]").click()
    # Confirming in the browser that signed up signs in, back on the story.
    page.wait_for_url(f"**{story.url}*")
    expect(page.locator(".masthead__user")).to_have_text("ana")

    page.goto(story.url + "#comments")
    page.fill("#comment-text", "Sample: is the shelter in San Telmo open?")
    page.get_by_role("button", name="Publicar comentario").click()
    mine = page.locator(".comment", has_text="is the shelter in San Telmo open?")
    expect(mine).to_be_visible()

    first = page.locator(".comment", has_text="¿Hay algún teléfono").first
    first.locator("summary", has_text="Responder").first.click()
    first.locator("textarea").first.fill("Sample: the numbers are on the civil protection site.")
    first.get_by_role("button", name="Responder").click()
    expect(page.locator(".comment .comment", has_text="numbers are on the civil")).to_be_visible()

    reported = page.locator(".comment", has_text="¿Hay algún teléfono").first
    reported.locator("summary", has_text="Denunciar").first.click()
    reported.locator("input[name=reason]").first.fill("Sample report: off topic.")
    reported.get_by_role("button", name="Denunciar").first.click()
    expect(page.get_by_text("un moderador revisará este comentario")).to_be_visible()


def test_moderator_approves_and_removes_from_the_queue(page, demo_newsroom):
    sign_in(page, "admin")
    page.goto("/admin/comments/?queue=pending")
    row = page.locator("tr", has_text="Is the coast road open yet?")
    row.locator("input[type=checkbox]").check()
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_text("1 comment(s) approved.")).to_be_visible()

    page.goto("/admin/comments/?queue=published")
    page.locator("tr", has_text="¿Hay algún teléfono").locator("input[type=checkbox]").check()
    page.fill("#moderation-reason", "Personal details.")
    page.get_by_role("button", name="Remove", exact=True).click()
    expect(page.get_by_text("1 comment(s) removed.")).to_be_visible()

    story = ArticlePage.objects.get(slug=STORY)
    page.goto(story.url + "#comments")
    expect(page.locator("#comments")).not_to_contain_text("¿Hay algún teléfono")
