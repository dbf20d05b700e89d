"""Every persona at every wire door: who reads the wire, who pushes to it, and
where each may make drafts from it. A refusal changes nothing."""

from __future__ import annotations

import pytest

from dateline.articles.models import ArticlePage
from dateline.wire.models import WireItem

from ..admin_refusals import sent_to_sign_in
from ..api.support import bearer, token_for
from ..conftest import fetch_persona
from ..wire.conftest import sample
from ..wire.support import agency_token, push

pytestmark = pytest.mark.django_db

PERSONAS = ["editor", "reporter", "chief", "reader", "admin"]


@pytest.fixture
def item(client, newsroom) -> int:
    return push(client, sample("nitf.xml"), agency_token(client)).json()["id"]


@pytest.mark.parametrize(
    "username,status",
    [("editor", 200), ("reporter", 200), ("chief", 200), ("reader", 403), ("admin", 200)],
)
def test_who_reads_the_wire(client, item, username, status):
    response = client.get("/api/v1/wire/items", **bearer(token_for(client, username)))
    assert response.status_code == status


@pytest.mark.parametrize(
    "username,status",
    [("editor", 403), ("reporter", 403), ("chief", 403), ("admin", 201)],
)
def test_who_pushes_to_the_wire(client, newsroom, username, status):
    response = push(client, sample("nitf.xml"), token_for(client, username))
    assert (response.status_code, WireItem.objects.count()) == (status, int(status == 201))


@pytest.mark.parametrize(
    "username,edition,status",
    [
        ("editor", "es", 201),
        ("editor", "mx", 403),
        ("reporter", "cl", 201),
        ("reporter", "es", 403),
        ("chief", "cl", 201),
        ("chief", "es", 403),
        ("reader", "cl", 403),
        ("admin", "mx", 201),
    ],
)
def test_who_makes_a_story_from_the_wire_and_where(client, item, username, edition, status):
    before = ArticlePage.objects.count()
    response = client.post(
        f"/api/v1/wire/items/{item}/story",
        {"edition": edition},
        content_type="application/json",
        **bearer(token_for(client, username)),
    )
    made = ArticlePage.objects.count() - before
    assert (response.status_code, made) == (status, int(status == 201))


def test_a_provider_for_other_editions_is_not_on_a_reporters_wire(client, item, newsroom):
    provider = WireItem.objects.get(pk=item).provider
    provider.editions.set([newsroom["mx"]])
    response = client.get(f"/api/v1/wire/items/{item}", **bearer(token_for(client, "reporter")))
    assert response.status_code == 404


@pytest.mark.parametrize("username", ["editor", "reporter", "chief", "admin"])
def test_the_newsroom_opens_the_wire_screen(client, item, username):
    client.force_login(fetch_persona(username))
    assert client.get("/admin/wire/").status_code == 200


def test_a_reader_is_sent_to_sign_in_from_the_wire_screen(client, item):
    client.force_login(fetch_persona("reader"))
    assert sent_to_sign_in(client.get("/admin/wire/"))
