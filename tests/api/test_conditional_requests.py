"""Reads carry ETag and Last-Modified and answer 304 when nothing changed."""

from __future__ import annotations

from .support import bearer, token_for


def test_same_etag_gets_not_modified(client, desk):
    first = client.get("/api/v1/stories/")
    again = client.get("/api/v1/stories/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_a_change_changes_the_etag(client, desk):
    first = client.get(f"/api/v1/articles/{desk['lead'].pk}")
    desk["lead"].title = "Apagón en toda la costa"
    desk["lead"].save_revision().publish()
    again = client.get(f"/api/v1/articles/{desk['lead'].pk}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["headline"] == "Apagón en toda la costa"


def test_article_answers_if_modified_since(client, desk):
    first = client.get(f"/api/v1/articles/{desk['lead'].pk}")
    assert first["Last-Modified"]
    again = client.get(
        f"/api/v1/articles/{desk['lead'].pk}", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert again.status_code == 304


def test_anonymous_reads_may_be_cached_by_a_cdn(client, desk):
    response = client.get("/api/v1/editions/es/front-page")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "Authorization" in response["Vary"]


def test_reads_with_a_token_are_private(client, desk, editor):
    response = client.get("/api/v1/stories/", **bearer(token_for(client, "editor")))
    assert response["Cache-Control"].startswith("private")
