"""Bringing search and reference indexes up to date for pages filed in bulk."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends

from dateline.jobs.engine import job


@job(attempts=5, backoff=30)
def index_pages(page_ids: list[int]) -> int:
    """What saving each page one by one would have indexed: its search entry and
    the references it holds (bylines, topic, photos), as Wagtail's own signal
    handlers do."""
    pages = list(Page.objects.filter(pk__in=page_ids).specific())
    by_model: dict[type, list[Page]] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, group in by_model.items():
            backend.add_bulk(model, group)
    with transaction.atomic():
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
    return len(pages)
