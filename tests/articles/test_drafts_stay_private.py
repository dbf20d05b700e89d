"""A draft is seen by the newsroom only: no preview door opens to a reader."""

from __future__ import annotations

from django.urls import reverse

from ..admin_refusals import sent_to_sign_in
from ..factories import ArticlePageFactory


def test_a_draft_page_is_not_found_by_readers(client, newsroom):
    draft = ArticlePageFactory(parent=newsroom["cl"], slug="borrador", live=False)
    assert client.get("/cl/borrador/").status_code == 404
    assert draft.title not in client.get("/cl/").content.decode()


def test_preview_and_draft_views_send_a_reader_to_sign_in(client, newsroom, reader):
    draft = ArticlePageFactory(parent=newsroom["cl"], live=False)
    draft.save_revision()
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
    ):
        assert sent_to_sign_in(client.get(url))
    client.force_login(reader)
    signed_in = client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    assert sent_to_sign_in(signed_in)  # a reader has no way into the admin at all
    assert draft.title not in signed_in.content.decode()


def test_the_reporter_previews_their_own_edition_s_draft(client, newsroom, reporter):
    draft = ArticlePageFactory(parent=newsroom["cl"], title="Borrador de Chile", live=False)
    draft.save_revision()
    client.force_login(reporter)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    assert response.status_code == 200 and "Borrador de Chile" in response.content.decode()
