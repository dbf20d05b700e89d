from __future__ import annotations

from django.db.models.signals import post_save

from . import search
from .models import StoryPage


def readers_find_what_was_published(sender, instance, raw=False, update_fields=None, **kwargs):
    """Writes what readers' search finds of a live story each time its page is
    saved whole, as publishing does (Wagtail's own, the newsroom clock's, an
    update or a correction added). Saving a draft of a live story saves only the
    page's bookkeeping fields, and its page row keeps the published text."""
    if isinstance(instance, StoryPage) and instance.live and not raw and update_fields is None:
        search.index_story(instance)


def connect() -> None:
    post_save.connect(readers_find_what_was_published, dispatch_uid="search-published")
