from __future__ import annotations

from datetime import datetime

from django.db.models import Q
from django.urls import re_path, reverse
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import PageLogEntry

from dateline.editions.access import editions_written_by, may_publish, may_write
from dateline.editions.models import EditionPage, HomePage

from . import views
from .models import ArticlePage, StoryPage, TopicPage
from .signal_handlers import EMBARGO


@hooks.register("register_admin_urls")
def note_urls():
    return [
        re_path(
            r"^articles/(?P<article_id>\d+)/add-(?P<kind>update|correction)/$",
            views.add_note,
            name="articles_add_note",
        ),
        re_path(
            r"^stories/(?P<story_id>\d+)/translations/$",
            views.translations,
            name="articles_translations",
        ),
    ]


def _translations_button(page, user):
    if isinstance(page.specific_deferred, StoryPage) and may_write(user, page):
        yield Button(
            _("Translations"),
            reverse("articles_translations", args=(page.pk,)),
            icon_name="globe",
            priority=14,
        )


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
    yield from _translations_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def note_listing_buttons(page, user, next_url=None):
    yield from _note_buttons(page, user)
    yield from _translations_button(page, user)


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

    class TranslationLog(LogFormatter):
        message = ""

        def format_message(self, log_entry):
            return self.message % {"title": log_entry.data.get("title", "")}

    @actions.register_action("dateline.link_translation")
    class LinkLog(TranslationLog):
        label = _("Link a version in another language")
        message = _("Linked as a version in another language: “%(title)s”")

    @actions.register_action("dateline.unlink_translation")
    class UnlinkLog(TranslationLog):
        label = _("Unlink a version in another language")
        message = _("Unlinked a version in another language: “%(title)s”")

    @actions.register_action(EMBARGO)
    class EmbargoLog(LogFormatter):
        """One line per embargo set, changed or lifted, with its time in the
        log reader's own time zone."""

        label = _("Embargo")

        def format_message(self, log_entry):
            until, was = (_when(log_entry.data.get(key)) for key in ("until", "was"))
            if until is None:
                return _("Embargo lifted: readers see the story (it was hidden until %(was)s)") % {
                    "was": was
                }
            if was is None:
                return _("Embargo set: hidden from readers until %(until)s") % {"until": until}
            return _("Embargo changed: hidden from readers until %(until)s (was %(was)s)") % {
                "until": until,
                "was": was,
            }


def _when(value: str | None) -> str | None:
    if not value:
        return None
    return date_format(localtime(datetime.fromisoformat(value)), "DATETIME_FORMAT")


@hooks.register("after_edit_page")
def fold_autosaves(request, page):
    """The editor's autosaves rewrite one revision again and again; the history keeps
    one line for it, the newest, in the story's history and in the site history
    alike. (Wagtail's page history already shows only that one; the older lines
    describe content the revision no longer holds.)"""
    if not request.POST.get("overwrite_revision_id"):
        return
    lines = PageLogEntry.objects.filter(
        page_id=page.pk,
        action="wagtail.edit",
        revision_id=page.latest_revision_id,
        user_id=request.user.pk,
    )
    newest = lines.order_by("-timestamp", "-pk").first()
    if newest is not None:
        lines.exclude(pk=newest.pk).delete()


def seen_by_staff(pages, user):
    """What of `pages` a newsroom user may see in the admin: everything in the
    editions they write for, and elsewhere only what readers see (no draft,
    scheduled, embargoed or private headline of another edition)."""
    if user.is_superuser:
        return pages
    mine = Q()
    for edition in editions_written_by(user):
        mine |= Q(path__startswith=edition.path)
    readers = Q()
    for model in (HomePage, EditionPage, TopicPage, StoryPage):
        readers |= Q(pk__in=model.objects.visible_to_readers().values("pk"))
    return pages.filter(mine | readers)


@hooks.register("construct_page_chooser_queryset")
def choosable_pages(pages, request):
    return seen_by_staff(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorable_pages(parent_page, pages, request):
    return seen_by_staff(pages, request.user)
