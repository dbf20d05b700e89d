"""The wire screen (admin → Wire): incoming items newest first, filtered, with a
preview; new items arrive without a reload (the list asks for items newer than
the newest it shows). Stories are made here; live drafts through the API, as the
live desk posts."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from dateline.editions.access import editions_written_by
from dateline.editions.models import EditionPage
from dateline.lib.ids import is_database_id

from . import actions
from .access import concerned_editions, items_for, may_read_wire, providers_for, readable_item
from .models import WireItem

PAGE = 100


def _after(request) -> int:
    """The newest item id a list already shows (0 for none, or for nonsense)."""
    after = request.GET.get("after", "0")
    return int(after) if after.isdigit() and is_database_id(int(after)) else 0


def _edition(value: str) -> EditionPage | None:
    return (
        EditionPage.objects.filter(pk=int(value)).first()
        if value.isdigit() and is_database_id(int(value))
        else None
    )


def _reader(request):
    if not may_read_wire(request.user):
        raise PermissionDenied
    return request.user


def _filtered(request):
    items = items_for(_reader(request))
    filters = {
        key: request.GET.get(key, "").strip() for key in ("provider", "urgency", "language", "type")
    }
    if filters["provider"]:
        items = items.filter(provider__slug=filters["provider"])
    if filters["urgency"].isdigit():
        items = items.filter(urgency__lte=int(filters["urgency"]))
    if filters["language"]:
        items = items.filter(language__istartswith=filters["language"][:35])
    if filters["type"] in WireItem.Type.values:
        items = items.filter(type=filters["type"])
    return items, filters


def wire(request):
    items, filters = _filtered(request)
    rows = list(items[:PAGE])
    return TemplateResponse(
        request,
        "wire/admin/wire.html",
        {
            "items": rows,
            "filters": filters,
            "newest": max((item.pk for item in rows), default=0),
            "providers": providers_for(request.user),
            "languages": sorted(
                set(items_for(request.user).values_list("language", flat=True)) - {""}
            ),
            "types": WireItem.Type.choices,
            "urgencies": range(1, 10),
        },
    )


def newer(request):
    """The rows of items newer than `after` that match the filters, for the list."""
    items, _filters = _filtered(request)
    rows = list(items.filter(pk__gt=_after(request))[:PAGE])
    return TemplateResponse(request, "wire/admin/_rows.html", {"items": rows})


def preview(request, item_id: int):
    item = readable_item(_reader(request), item_id)
    editions = editions_written_by(request.user)
    concerned = set(concerned_editions(item.provider).values_list("pk", flat=True))
    fetched = request.headers.get("X-Requested-With") == "fetch"
    return TemplateResponse(
        request,
        "wire/admin/_preview.html" if fetched else "wire/admin/preview_page.html",
        {
            "item": item,
            "editions": editions,
            # The editions the item concerns come first in the choice.
            "default_edition": next((e for e in editions if e.pk in concerned), None),
            "stories": item.stories.select_related("made_by"),
            "versions": item.versions.values("version", "received_at", "format"),
        },
    )


@require_POST
def create_story(request, item_id: int):
    item = readable_item(_reader(request), item_id)
    edition = _edition(request.POST.get("edition", ""))
    if edition is None:
        messages.error(request, _("Choose the edition for the story."))
        return redirect("wire_index")
    story = actions.check_create_story(item, edition, request.user)
    messages.success(
        request,
        _("A draft story was made from the wire item. Nothing is published until an editor does."),
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=(story.pk,)))


def flashes(request):
    """The flashes of the last hours that concern an edition, for its live desks."""
    if not may_read_wire(request.user):
        raise PermissionDenied
    edition = _edition(request.GET.get("edition", ""))
    items = recent_flashes(request.user, edition).filter(pk__gt=_after(request))
    return TemplateResponse(request, "wire/admin/_flashes.html", {"flashes": list(items[:10])})


def recent_flashes(user, edition, hours: int = 12):
    items = items_for(user).filter(
        urgency=1, received_at__gte=timezone.now() - timedelta(hours=hours)
    )
    if edition is not None:
        items = items.filter(Q(provider__editions=None) | Q(provider__editions=edition))
    return items
