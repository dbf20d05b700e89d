"""Who may do what, and where: the one module that asks Wagtail's page permissions.

Roles are granted per edition (`roles.py`) as Wagtail page permissions on the
edition's page, so they reach that edition's pages and no other. Every door
(the page editor's hooks, the desk, the API, the moderation queue, and the
actions behind them) asks here:
- `may_write`: reporters, editors, edition admins and site admins write drafts
  and live posts;
- `may_publish`: editors, edition admins and site admins also publish, correct,
  curate front pages, run live coverage and moderate comments;
- `administers`: edition admins and site admins also manage the edition's people.

The `…able_…(user, id)` helpers of each app fetch and authorise together with
these, as `readable` and `writable` do for pages.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from wagtail.models import Page

from .models import EditionPage, Role


def may_write(user, page: Page) -> bool:
    """Whether the user may write on the page: edit its draft, post in a live blog."""
    return user.is_authenticated and page.permissions_for_user(user).can_edit()


def may_publish(user, page: Page) -> bool:
    """Whether the user may publish the page, and so run it: correct, curate, moderate."""
    return user.is_authenticated and page.permissions_for_user(user).can_publish()


def _editions_where(rule, user) -> list[EditionPage]:
    if not user.is_authenticated:
        return []
    return [edition for edition in EditionPage.objects.order_by("path") if rule(user, edition)]


def editions_published_by(user) -> list[EditionPage]:
    """The editions where the user may publish (and so moderate)."""
    return _editions_where(may_publish, user)


def editions_administered_by(user) -> QuerySet[EditionPage]:
    """The editions whose people the user manages: all of them for a site admin."""
    editions = EditionPage.objects.order_by("path")
    if not user.is_active:
        return editions.none()
    if user.is_superuser:
        return editions
    # At most one admin group per edition, so the join repeats no edition.
    return editions.filter(role_groups__role=Role.ADMIN, role_groups__group__in=user.groups.all())


def administers(user, edition: EditionPage) -> bool:
    return editions_administered_by(user).filter(pk=edition.pk).exists()


def readable(pages: QuerySet, pk: int, user=None) -> Page | None:
    """The page as `user` may read it, or None.

    Readers get the published page when readers may see it (`pages` must offer
    `visible_to_readers()`); someone who may write it also gets it unpublished,
    embargoed or private, as its latest draft, whichever door they read it by.
    """
    page = pages.visible_to_readers().filter(pk=pk).first()
    if page is not None:
        return page
    if user is None or not user.is_authenticated:
        return None
    page = pages.filter(pk=pk).first()
    if page is None or not may_write(user, page):
        return None
    return page.get_latest_revision_as_object()


def writable(pages: QuerySet, pk: int, user, doing: str = "write") -> Page:
    """The page, if the user may write on it (`may_write`).

    Not found (Http404) for someone who may not even read it, so a door never
    tells who may not write whether an unpublished page exists; forbidden
    (PermissionDenied) for someone who reads it but may not write there.
    """
    page = pages.filter(pk=pk).first()
    if page is not None and may_write(user, page):
        return page
    if page is None or readable(pages, pk, user) is None:
        raise Http404(f"No {pages.model._meta.verbose_name} {pk} is published.")
    edition = getattr(page, "edition", None)
    raise PermissionDenied(
        f"You may not {doing} in {edition.title if edition else 'this edition'}."
    )


def editions_written_by(user) -> list[EditionPage]:
    """The editions where the user may write (and so see every draft)."""
    return _editions_where(may_write, user)
