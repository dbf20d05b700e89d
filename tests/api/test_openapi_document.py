"""The OpenAPI document is one a browser and any client can read."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db


def _repeated_keys(raw: str) -> list[str]:
    repeated = []

    def collect(pairs):
        keys = [key for key, _value in pairs]
        repeated.extend(key for key in set(keys) if keys.count(key) > 1)
        return dict(pairs)

    json.loads(raw, object_pairs_hook=collect)
    return repeated


def test_the_openapi_document_repeats_no_key(client):
    assert _repeated_keys(client.get("/api/v1/openapi.json").content.decode()) == []


def test_the_stream_is_documented_as_an_event_stream(client):
    schema = client.get("/api/v1/openapi.json").json()
    stream = schema["paths"]["/api/v1/liveblogs/{blog_id}/stream"]["get"]["responses"]["200"]
    assert "text/event-stream" in stream["content"]
