"""A reader reports a comment and then deletes their account: the report stays
in the moderators' queue, from no one."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dateline.articles.models import ArticlePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
STORY = "tormenta-aurelia-apagon-costa-valdemar"
REPORTED = "Protección Civil ha publicado los teléfonos"


def sign_in(page, username, story=None):
    page.goto(f"/accounts/login/?next={story.url}" if story else "/admin/login/")
    page.fill("input[name=login]" if story else "#id_username", username)
    page.fill("input[name=password]" if story else "#id_password", "dateline-demo")
    page.locator("main form button[type=submit]" if story else "button[type=submit]").click()


def test_a_report_stays_in_the_queue_after_its_reader_deletes_their_account(
    page, browser, live_server, demo_newsroom
):
    story = ArticlePage.objects.get(slug=STORY)
    sign_in(page, "reader", story)
    page.wait_for_url(f"**{story.url}*")
    reported = page.locator(".comment", has_text=REPORTED).first
    reported.locator("summary", has_text="Denunciar").first.click()
    reported.locator("input[name=reason]").first.fill("Muestra: fuera de tema.")
    reported.get_by_role("button", name="Denunciar").first.click()
    expect(page.get_by_text("un moderador revisará este comentario")).to_be_visible()
    page.get_by_role("link", name="Eliminar la cuenta").click()
    page.get_by_label("Tu contraseña").fill("dateline-demo")
    page.get_by_role("button", name="Eliminar mi cuenta").click()
    page.wait_for_url(f"**{story.url}*")

    moderator = browser.new_context(base_url=live_server.url).new_page()
    sign_in(moderator, "admin")
    moderator.goto("/admin/comments/?queue=reported")
    row = moderator.locator("tr", has_text=REPORTED)
    expect(row.locator("td").nth(-1)).to_have_text("1")
    moderator.context.close()
