"""Account → API tokens: people see and revoke their own tokens; an edition admin
also those of the people holding roles in their edition; a site admin everyone's.
A token's secret is never shown after issue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, ModelLogEntry

from dateline.editions.roles import ensure_edition_groups

from ..api.support import bearer

TOKENS = reverse("accounts_tokens")


def revoke_url(token):
    return reverse("accounts_tokens_revoke", args=[token.pk])


def issue(user, name="Phone app"):
    return APIToken.create_token(user=user, name=name)


def person(username, *groups, **flags):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "x", **flags)
    user.groups.add(*groups)
    return user


OWNERS = {
    "their own": lambda viewer, newsroom: viewer,
    "a Chile reporter's": lambda viewer, newsroom: person(
        "colleague", ensure_edition_groups(newsroom["cl"])["reporters"]
    ),
    "a México reporter's": lambda viewer, newsroom: person(
        "corresponsal", ensure_edition_groups(newsroom["mx"])["reporters"]
    ),
    "a reader's": lambda viewer, newsroom: person("commenter"),
    "a site admin's": lambda viewer, newsroom: person("root", is_staff=True, is_superuser=True),
}
# viewer → whose tokens they see and may revoke
MANAGES = {
    "reporter": {"their own"},
    "editor": {"their own"},
    "chief": {"their own", "a Chile reporter's"},  # Chile's edition admin
    "admin": set(OWNERS),
}


def signed_in_beside_a_token(request, client, newsroom, viewer, owner) -> APIToken:
    """Signs `viewer` in and issues a token to `owner` (relative to the viewer)."""
    user = request.getfixturevalue(viewer)
    token, _ = issue(OWNERS[owner](user, newsroom))
    client.force_login(user)
    return token


@pytest.mark.parametrize("owner", sorted(OWNERS))
@pytest.mark.parametrize("viewer", sorted(MANAGES))
def test_who_sees_whose_tokens(request, client, newsroom, viewer, owner):
    token = signed_in_beside_a_token(request, client, newsroom, viewer, owner)
    seen = f"{token.prefix}…" in client.get(TOKENS).content.decode()
    assert seen is (owner in MANAGES[viewer])


@pytest.mark.parametrize("owner", sorted(OWNERS))
@pytest.mark.parametrize("viewer", sorted(MANAGES))
def test_who_revokes_whose_tokens(request, client, newsroom, viewer, owner):
    token = signed_in_beside_a_token(request, client, newsroom, viewer, owner)
    client.post(revoke_url(token))
    token.refresh_from_db()
    assert (token.revoked_at is not None) is (owner in MANAGES[viewer])


def test_a_token_one_may_not_manage_is_not_found(client, reporter, editor):
    token, _ = issue(editor)
    client.force_login(reporter)
    assert client.get(revoke_url(token)).status_code == 404


def test_the_screen_never_shows_a_tokens_secret(client, reporter):
    _, secret = issue(reporter)
    client.force_login(reporter)
    assert secret not in client.get(TOKENS).content.decode()


def test_the_revoke_screen_never_shows_a_tokens_secret(client, reporter):
    token, secret = issue(reporter)
    client.force_login(reporter)
    assert secret not in client.get(revoke_url(token)).content.decode()


def test_revoking_asks_first(client, reporter):
    token, _ = issue(reporter)
    client.force_login(reporter)
    client.get(revoke_url(token))
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_revoked_token_no_longer_signs_in_to_the_api(client, reporter):
    token, secret = issue(reporter)
    client.force_login(reporter)
    client.post(revoke_url(token))
    client.logout()
    assert client.get("/api/v1/stories/", **bearer(secret)).status_code == 401


def test_revoking_is_recorded_with_who_did_it(client, chief, newsroom):
    token, _ = issue(person("colleague", ensure_edition_groups(newsroom["cl"])["reporters"]))
    client.force_login(chief)
    client.post(revoke_url(token))
    entry = ModelLogEntry.objects.get(action="wagtail.apitoken.revoke")
    assert (entry.object_id, entry.user) == (str(token.pk), chief)


def test_expired_tokens_are_not_listed(client, reporter, settings):
    token, _ = issue(reporter)
    APIToken.objects.update(created=timezone.now() - timedelta(days=settings.API_TOKEN_DAYS + 1))
    client.force_login(reporter)
    assert f"{token.prefix}…" not in client.get(TOKENS).content.decode()


def test_a_reader_without_admin_access_has_no_tokens_screen(client, reader):
    client.force_login(reader)
    assert client.get(TOKENS)["Location"].startswith("/admin/login/")


def test_the_account_page_links_to_the_tokens_screen(client, reporter):
    client.force_login(reporter)
    assert TOKENS in client.get(reverse("wagtailadmin_account")).content.decode()
