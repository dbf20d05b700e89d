"""Absolute URLs for canonical links, structured data and feeds."""

from __future__ import annotations

from django.conf import settings


def absolute_url(request, url: str) -> str:
    """Makes a site-relative URL absolute, on DATELINE_BASE_URL when it is set."""
    if url.startswith(("http://", "https://")):
        return url
    if settings.BASE_URL:
        return settings.BASE_URL + url
    return request.build_absolute_uri(url)
