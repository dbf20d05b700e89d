from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .access import may_read_wire
from .models import Provider, WireStory


@hooks.register("register_admin_urls")
def wire_urls():
    return [
        path("wire/", views.wire, name="wire_index"),
        path("wire/newer/", views.newer, name="wire_newer"),
        path("wire/flashes/", views.flashes, name="wire_flashes"),
        path("wire/<int:item_id>/", views.preview, name="wire_preview"),
        path("wire/<int:item_id>/story/", views.create_story, name="wire_create_story"),
    ]


class WireMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_wire(request.user)


@hooks.register("register_admin_menu_item")
def wire_menu_item():
    return WireMenuItem(_("Wire"), reverse("wire_index"), icon_name="radio-empty", order=140)


class ProviderViewSet(SnippetViewSet):
    """Site admins set the providers here; each shows its last poll and error."""

    model = Provider
    icon = "radio-empty"
    menu_label = _("Wire providers")
    add_to_admin_menu = False
    list_display = ["name", "slug", "kind", "last_polled_at", "last_error"]


register_snippet(ProviderViewSet)


@hooks.register("before_edit_page")
def agency_updated_warning(request, page):
    """The editor of a story made from a wire item hears when the agency updated it."""
    if (
        request.method == "GET"
        and WireStory.objects.filter(story_id=page.pk, agency_updated=True).exists()
    ):
        messages.warning(
            request,
            _("The agency updated this item since the story was made from it: see the Wire."),
        )
