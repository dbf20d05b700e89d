"""Pushing to the wire as an agency's script does."""

from __future__ import annotations

from django.contrib.auth.models import Permission

from ..api.support import bearer, token_for
from ..conftest import fetch_persona


def agency_token(client) -> str:
    """A token of an account that may push (an agency's), made of the reader persona."""
    agency = fetch_persona("reader")
    agency.user_permissions.add(Permission.objects.get(codename="push_wireitem"))
    return token_for(client, "reader")


def push(client, data: bytes, token: str, content_type="application/xml", **query):
    suffix = "".join(f"&{k}={v}" for k, v in query.items()).replace("&", "?", 1)
    return client.post(
        f"/api/v1/wire/items{suffix}", data, content_type=content_type, **bearer(token)
    )
