"""Cursor pagination for API lists.

A cursor names the last item a client has seen, in an ordering that never
changes under it (newest first, ties broken by id), so a story published while
a client pages through a list neither repeats nor hides an item, as offsets
would. It is written `<microseconds since 1970>_<id>`, and the document gives
its pattern: any string that matches is a position in the list, so a client
never gets an error for a cursor the document allows. Search, ranked by
relevance rather than time, pages by position (`<n>`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.db.models import Q, QuerySet
from ninja import Field, Query, Schema

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

POSITION = r"^[0-9]{1,16}_[0-9]{1,18}$"
OFFSET = r"^[0-9]{1,6}$"
CursorQuery = Query(
    None,
    pattern=POSITION,
    description="The `next` value of the previous page, as given. Omit it for the first page.",
)
OffsetCursorQuery = Query(
    None,
    pattern=OFFSET,
    description="The `next` value of the previous page, as given. Omit it for the first page.",
)
LimitQuery = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")


class PageMeta(Schema):
    next: str | None = Field(None, description="Cursor for the next page, or null on the last.")


def position_cursor(moment: datetime, pk: int) -> str:
    return f"{round(moment.timestamp() * 1_000_000)}_{pk}"


def read_position(cursor: str) -> tuple[datetime, int]:
    """The position a cursor of the POSITION pattern names."""
    micros, pk = cursor.split("_")
    return datetime.fromtimestamp(int(micros) / 1_000_000, tz=UTC), int(pk)


def newest_first(
    queryset: QuerySet, cursor: str | None, limit: int, field: str = "first_published_at"
) -> tuple[list, str | None]:
    """One page of `queryset`, newest first by `field` then by id, and the next cursor."""
    queryset = queryset.filter(**{f"{field}__isnull": False}).order_by(f"-{field}", "-pk")
    if cursor:
        moment, pk = read_position(cursor)
        queryset = queryset.filter(
            Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "pk__lt": pk})
        )
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], position_cursor(getattr(last, field), last.pk)
