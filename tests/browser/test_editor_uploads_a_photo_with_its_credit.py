"""An editor adds an agency photo to the library and finds its credit already filled in."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ..photos.support import AGENCY_IPTC, jpeg

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_editor_uploads_a_photo_and_sees_photographer_and_agency_filled_in(page, tmp_path):
    photo = tmp_path / "sea-wall.jpg"
    photo.write_bytes(jpeg(iptc=AGENCY_IPTC))
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    page.goto("/admin/images/multiple/add/")
    page.locator("input[type=file]").set_input_files(str(photo))

    form = page.locator("form.image-edit-form, .upload-list form").first
    expect(form.get_by_label("Photographer")).to_have_value("Lucía Ferrer", timeout=15_000)
    expect(form.get_by_label("Agency")).to_have_value("Agencia Austral")
