"""Every page carries a Content-Security-Policy; over HTTPS, browsers are told to keep to it."""

from __future__ import annotations

import pytest


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_a_readers_page_runs_only_the_sites_own_scripts(client, newsroom):
    scripts = _directives(client.get("/cl/"))["script-src"]
    assert "'unsafe-inline'" not in scripts


def test_no_other_site_may_frame_a_readers_page(client, newsroom):
    assert _directives(client.get("/cl/"))["frame-ancestors"] == ["'self'"]


def test_the_admin_loads_scripts_from_no_other_site(admin_client_of, editor):
    # Wagtail's editor writes inline scripts of its own; no other origin is allowed.
    scripts = _directives(admin_client_of(editor).get("/admin/"))["script-src"]
    assert set(scripts) == {"'self'", "'unsafe-inline'"}


def test_https_pages_tell_browsers_to_use_https_for_a_year(client, newsroom, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    response = client.get("/cl/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.fixture
def admin_client_of(client):
    def signed_in(user):
        client.force_login(user)
        return client

    return signed_in
