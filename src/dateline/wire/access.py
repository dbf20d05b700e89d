"""Who may read the wire and push to it: the wire's doors ask here, and through
`editions.access` for everything per edition.

- The wire is read by whoever writes in an edition (reporters and up); each
  sees the items of providers that concern their editions (a provider with no
  editions concerns all).
- Items are pushed with the token of a site admin or of someone given the
  "Can push items to the wire" permission (an agency's account, typically).
- Stories are made in editions where the person may write, live drafts in
  blogs where they may post: `articles.actions` and `live.access` decide.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from dateline.editions.access import editions_written_by
from dateline.editions.models import EditionPage

from .models import Provider, WireItem


def may_read_wire(user) -> bool:
    return bool(user.is_authenticated and user.is_active and editions_written_by(user))


def may_push(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("wire.push_wireitem"))
    )


def items_for(user) -> QuerySet[WireItem]:
    """The items the user may read, newest first."""
    editions = editions_written_by(user) if user.is_authenticated and user.is_active else []
    if not editions:
        return WireItem.objects.none()
    return (
        WireItem.objects.filter(Q(provider__editions=None) | Q(provider__editions__in=editions))
        .distinct()
        .select_related("provider")
        .newest_first()
    )


def providers_for(user) -> QuerySet[Provider]:
    return Provider.objects.filter(pk__in=items_for(user).values("provider")).order_by("name")


def readable_item(user, item_id: int) -> WireItem:
    """The item if the user may read it (Http404 if not, never telling whether it exists)."""
    item = items_for(user).filter(pk=item_id).first()
    if item is None:
        raise Http404(f"No wire item {item_id} is on your wire.")
    return item


def concerned_editions(provider: Provider) -> QuerySet[EditionPage]:
    """The editions a provider's items concern: its own, or all of them."""
    editions = provider.editions.all()
    return editions if editions.exists() else EditionPage.objects.all()
