"""Cursor pagination for API lists.

A cursor is an opaque token naming the last item a client has seen, in an
ordering that never changes under it (newest first, ties broken by id), so a
story published while a client pages through a list neither repeats nor hides
an item, as offsets would.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from ninja import Field, Query, Schema

from .problems import Problem

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

CursorQuery = Query(
    None, description="The `next` value of the previous page, as given. Omit it for the first page."
)
LimitQuery = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")


class PageMeta(Schema):
    next: str | None = Field(None, description="Cursor for the next page, or null on the last.")


def encode_cursor(*values: Any) -> str:
    raw = json.dumps(values, default=_jsonable, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, *types: type) -> list:
    """The values in a cursor, converted to `types`; a 400 problem if it is not one of ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != len(types):
            raise ValueError
        return [_convert(value, kind) for value, kind in zip(values, types, strict=True)]
    except (ValueError, TypeError, UnicodeDecodeError):
        raise Problem(
            400, "Bad request", "The cursor is malformed; pass the `next` value as given."
        ) from None


def newest_first(
    queryset: QuerySet, cursor: str | None, limit: int, field: str = "first_published_at"
) -> tuple[list, str | None]:
    """One page of `queryset`, newest first by `field` then by id, and the next cursor."""
    queryset = queryset.filter(**{f"{field}__isnull": False}).order_by(f"-{field}", "-pk")
    if cursor:
        moment, pk = decode_cursor(cursor, datetime, int)
        queryset = queryset.filter(
            Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "pk__lt": pk})
        )
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_cursor(getattr(last, field), last.pk)


def _jsonable(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} does not go in a cursor")


def _convert(value: Any, kind: type) -> Any:
    if kind is datetime:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError
        return moment
    if kind is int and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ValueError
    return value
