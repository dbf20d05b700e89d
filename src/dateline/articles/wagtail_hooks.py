from __future__ import annotations

from django.urls import re_path, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from dateline.editions.access import may_publish

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
    if not may_publish(user, page):
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


@hooks.register("register_log_actions")
def story_log_actions(actions):
    """Updates and corrections get their own lines in the audit log and the page's
    history, saying what was added, besides Wagtail's own edit and publish."""

    class NoteLog(LogFormatter):
        kind = ""

        def format_message(self, log_entry):
            text = strip_tags(log_entry.data.get("text", ""))
            return f"{self.kind}: {Truncator(text).chars(120)}"

    @actions.register_action("dateline.add_update")
    class UpdateLog(NoteLog):
        label = _("Add update")
        kind = _("Update")

    @actions.register_action("dateline.correct")
    class CorrectionLog(NoteLog):
        label = _("Add correction")
        kind = _("Correction")
