"""Admin → Wire: the list, what arrives after it was drawn, the preview, and a
story made from an item; the flashes a live desk shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dateline.articles.models import ArticlePage
from dateline.wire.ingest import default_provider, receive_document
from dateline.wire.models import WireItem

from ..conftest import fetch_persona
from ..factories import LiveBlogPageFactory
from .conftest import sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def wire(client, newsroom):
    provider = default_provider("api")
    for name in ("ninjs-1.json", "ninjs-2.json"):
        receive_document(provider, sample(name))
    client.force_login(fetch_persona("editor"))
    return {item.guid.rsplit(":", 1)[-1]: item for item in WireItem.objects.all()}


def test_the_wire_lists_items_newest_first(client, wire):
    content = client.get("/admin/wire/").content.decode()
    assert content.index("Se derrumba el puente") < content.index("Ferry crews walk out")


def test_the_wire_is_filtered_by_urgency(client, wire):
    assert b"Ferry crews" not in client.get("/admin/wire/?urgency=1").content


def test_only_items_after_the_newest_shown_are_sent_to_the_list(client, wire):
    after = wire["ferry-strike"].pk
    content = client.get(f"/admin/wire/newer/?after={after}").content.decode()
    assert ("Ferry crews" in content, "Se derrumba" in content) == (False, True)


def test_the_preview_shows_the_body_and_the_credit(client, wire):
    content = client.get(
        f"/admin/wire/{wire['ferry-strike'].pk}/", HTTP_X_REQUESTED_WITH="fetch"
    ).content.decode()
    assert ("Islands cut off" in content, "Harbour News Agency" in content) == (True, True)


def test_create_a_story_opens_the_draft_in_the_editor(client, wire, newsroom):
    response = client.post(
        reverse("wire_create_story", args=(wire["ferry-strike"].pk,)),
        {"edition": newsroom["es"].pk},
    )
    story = ArticlePage.objects.get(title="Ferry crews walk out at dawn in pay dispute")
    assert response.url == reverse("wagtailadmin_pages:edit", args=(story.pk,))


def test_a_flash_is_announced_on_the_live_desk_of_its_edition(client, wire, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    content = client.get(reverse("live_desk", args=(blog.pk,))).content.decode()
    assert "Se derrumba el puente viejo" in content


def test_a_flash_for_other_editions_is_not_announced_on_this_desk(client, wire, newsroom):
    provider = default_provider("api")
    provider.editions.set([newsroom["mx"]])
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    content = client.get(reverse("live_desk", args=(blog.pk,))).content.decode()
    assert "Se derrumba el puente viejo" not in content


def test_the_editor_of_a_story_hears_the_agency_updated_the_item(client, wire, newsroom):
    client.post(
        reverse("wire_create_story", args=(wire["ferry-strike"].pk,)),
        {"edition": newsroom["es"].pk},
    )
    receive_document(default_provider("api"), sample("ninjs-1.json").replace(b'"3"', b'"4"'))
    story = ArticlePage.objects.get(title="Ferry crews walk out at dawn in pay dispute")
    response = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert b"The agency updated this item" in response.content
