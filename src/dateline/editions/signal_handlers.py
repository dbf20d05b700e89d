from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished

from dateline.lib.generation import forget
from dateline.lib.notify import notify_readers_on_commit

from .models import EditionPage, NewsroomSettings, SisterBrand


def give_a_new_edition_its_roles(sender, instance, created, raw=False, **kwargs) -> None:
    """A new edition gets its reporter, editor and edition admin groups and its
    review workflow at once, so its stories never go unreviewed."""
    if created and not raw:
        from .roles import ensure_edition_groups

        transaction.on_commit(lambda: ensure_edition_groups(instance))


def readers_see_a_change(sender, **kwargs) -> None:
    """Wagtail's own publishing, unpublishing and deletion, and edits to the
    chrome around every page, end in the same step as Dateline's actions."""
    notify_readers_on_commit()


def a_page_changes(sender, instance, **kwargs) -> None:
    """Any page saved or deleted here (a draft too, a page made by a script):
    this process stops using what it remembered of the tree (`lib.generation`)."""
    if isinstance(instance, Page):
        forget()


def connect() -> None:
    post_save.connect(a_page_changes, dispatch_uid="remembered-pages-saved")
    post_delete.connect(a_page_changes, dispatch_uid="remembered-pages-deleted")
    post_save.connect(
        give_a_new_edition_its_roles, sender=EditionPage, dispatch_uid="edition-roles"
    )
    # Anything a reader's page shows: pages, and the chrome around them.
    page_published.connect(readers_see_a_change, dispatch_uid="page-cache-published")
    page_unpublished.connect(readers_see_a_change, dispatch_uid="page-cache-unpublished")
    post_delete.connect(readers_see_a_change, sender=Page, dispatch_uid="page-cache-deleted")
    # A page made private must leave every cached listing of it at once.
    for model in (SisterBrand, NewsroomSettings, PageViewRestriction, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                readers_see_a_change, sender=model, dispatch_uid=f"page-cache-{model.__name__}"
            )
