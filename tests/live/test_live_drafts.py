"""Draft posts (from the wire, say): kept from readers until the desk publishes them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dateline.live.actions import check_save_draft
from dateline.live.models import LiveEvent, LivePost, LivePostDraft

from ..conftest import fetch_persona
from ..factories import LiveBlogPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["cl"])
    blog.save_revision().publish()
    return check_save_draft(blog, fetch_persona("reporter"), "From the wire: the bridge fell.")


def test_a_draft_appends_no_event(draft):
    assert LiveEvent.objects.filter(blog=draft.blog).count() == 0


def test_publishing_a_draft_from_the_desk_makes_it_a_post(client, draft):
    client.force_login(fetch_persona("editor"))
    client.post(reverse("live_desk_draft", args=(draft.blog.pk, draft.pk)), {"action": "publish"})
    assert (LivePost.objects.filter(blog=draft.blog).count(), LivePostDraft.objects.count()) == (
        1,
        0,
    )


def test_discarding_a_draft_publishes_nothing(client, draft):
    client.force_login(fetch_persona("editor"))
    client.post(reverse("live_desk_draft", args=(draft.blog.pk, draft.pk)), {"action": "discard"})
    assert (LivePost.objects.count(), LivePostDraft.objects.count()) == (0, 0)


def test_someone_from_another_edition_cannot_publish_the_draft(client, draft, newsroom):
    from django.contrib.auth import get_user_model

    from dateline.editions.roles import ensure_edition_groups

    outsider = get_user_model().objects.create_user("outsider", password="x" * 16)
    outsider.groups.add(ensure_edition_groups(newsroom["mx"])["editors"])
    client.force_login(outsider)
    client.post(reverse("live_desk_draft", args=(draft.blog.pk, draft.pk)), {"action": "publish"})
    assert LivePost.objects.count() == 0
