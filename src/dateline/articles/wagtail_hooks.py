from __future__ import annotations

from django.urls import re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import views
from .models import ArticlePage


@hooks.register("register_admin_urls")
def note_urls():
    return [
        re_path(
            r"^articles/(?P<article_id>\d+)/add-(?P<kind>update|correction)/$",
            views.add_note,
            name="articles_add_note",
        )
    ]


def _note_buttons(page, user):
    if not isinstance(page.specific_deferred, ArticlePage) or not page.live:
        return
    if not page.permissions_for_user(user).can_publish():
        return
    for kind, label, priority in (
        ("update", _("Add update"), 12),
        ("correction", _("Add correction"), 13),
    ):
        yield Button(
            label,
            reverse("articles_add_note", args=(page.pk, kind)),
            icon_name="edit",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def note_header_buttons(page, user, view_name, next_url=None):
    yield from _note_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def note_listing_buttons(page, user, next_url=None):
    yield from _note_buttons(page, user)
