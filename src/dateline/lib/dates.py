"""Dates as machines read them: structured data, sitemaps and feeds."""

from __future__ import annotations

from datetime import datetime


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the UTC offset (a W3C datetime), or None for no date."""
    return moment.isoformat() if moment else None
