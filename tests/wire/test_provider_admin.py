"""Site admins set wire providers in the admin, and see each one's last error there."""

from __future__ import annotations

import pytest

from dateline.wire.models import Provider

from ..conftest import fetch_persona

pytestmark = pytest.mark.django_db


def test_a_providers_last_error_is_shown_in_the_list(client):
    Provider.objects.create(
        name="Regional",
        slug="regional",
        kind="feed",
        url="https://feed.example.org/",
        last_error="https://feed.example.org/ did not answer within 20 seconds.",
    )
    client.force_login(fetch_persona("admin"))
    response = client.get("/admin/snippets/wire/provider/")
    assert b"did not answer within 20 seconds" in response.content
