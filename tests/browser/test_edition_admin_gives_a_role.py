"""Chile's edition admin signs in, opens People, finds the demo reader by email
and gives them the reporter role in Chile."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from dateline.editions.models import EditionPage, Role
from dateline.editions.roles import roles_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_edition_admin_gives_a_reader_the_reporter_role_in_chile(page, demo_newsroom):
    page.goto("/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "dateline-demo")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    page.get_by_role("link", name="People").click()
    expect(page.get_by_role("heading", name="Chile")).to_be_visible()
    expect(page.get_by_role("heading", name="España")).to_have_count(0)
    page.get_by_role("link", name="Give a role in Chile").click()
    page.get_by_label("Username or email").fill("reader@example.com")
    page.get_by_label("Role").select_option(label="Reporter")
    page.get_by_role("button", name="Give the role").click()

    expect(page.get_by_text("reader now holds the reporter role in Chile.")).to_be_visible()
    row = page.locator("table tr", has_text="reader@example.com")
    expect(row).to_contain_text("Reporter")
    reader = get_user_model().objects.get(username="reader")
    assert roles_of(reader) == {EditionPage.objects.get(slug="cl"): {Role.REPORTER}}
