"""Adding many pages under one parent at once, as `add_child` would one by one.

Wagtail's `add_child` locks the parent, reads its last child, inserts one row per
table of the page's model and saves the parent again: about a dozen queries a
page. Here the tree positions (treebeard's materialised paths) of the whole
batch are computed from the parent's last child, and each table of the model
gets one INSERT for the batch. The rows are those `add_child` writes: same
path, depth, URL path, locale, content type, translation key.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models, router, transaction
from django.db.models import F
from wagtail.models import Page


def _chain(model: type[models.Model]) -> list[type[models.Model]]:
    """The concrete tables of a multi-table page model, Page's first."""
    return [*reversed(model._meta.get_parent_list()), model]


def add_children(parent: Page, pages: list[Page]) -> list[Page]:
    """Saves unsaved `pages` (all of one model) as the last children of `parent`.

    Signals are not sent and nothing is indexed: the caller does what follows a
    page's creation (revisions, search, references) for the whole batch. Each
    page's slug must be free among the parent's children.
    """
    if not pages:
        return pages
    model = type(pages[0])
    database = router.db_for_write(model)
    content_type = ContentType.objects.get_for_model(model)
    with transaction.atomic(using=database):
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        position = Page._str2int(last[-Page.steplen :]) if last else 0
        for page in pages:
            position += 1
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, position)
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.content_type = content_type
            page.draft_title = page.title
        chain = _chain(model)
        root_fields = [f for f in chain[0]._meta.local_concrete_fields if not f.primary_key]
        returned = chain[0]._base_manager._insert(
            pages,
            fields=root_fields,
            returning_fields=chain[0]._meta.db_returning_fields,
            using=database,
        )
        for page, (pk,) in zip(pages, returned, strict=True):
            for table in chain:
                setattr(page, table._meta.pk.attname, pk)
        for table in chain[1:]:
            table._base_manager._insert(
                pages, fields=list(table._meta.local_concrete_fields), using=database
            )
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    for page in pages:
        page._state.adding = False
        page._state.db = database
    return pages
