"""The page editor's form for stories (kept apart from the models' imports)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel

from dateline.editions.access import may_publish


class _Markup(SafeString):
    """An error message whose link stays a link in Wagtail's list of errors, which
    prefixes each message with its field's label (empty for the form's own errors)
    and so would otherwise turn it into text to escape."""

    def __radd__(self, other):
        return SafeString(str.__add__(str(conditional_escape(other)), str(self)))


class StoryPageForm(WagtailAdminPageForm):
    """The page editor's form for stories: refuses a save made against a stale revision.

    Wagtail tells an editor who else is editing a story, but a plain save from
    a form loaded before a colleague's save would still overwrite the
    colleague's work. This refuses it instead, keeps what the editor typed in
    the form, and links the comparison of the two versions.
    """

    def clean(self):
        cleaned_data = super().clean()
        self._check_publication_unchanged()
        newer = self._newer_revision()
        if newer is not None:
            loaded = self.data.get("loaded_revision_id")
            compare = reverse(
                "wagtailadmin_pages:revisions_compare", args=[self.instance.pk, loaded, newer.pk]
            )
            who = newer.user.get_full_name() or newer.user.get_username() if newer.user else "?"
            raise ValidationError(
                _Markup(
                    format_html(
                        _(
                            "{who} saved a newer version at {when} while you were editing, so your "
                            'changes were not saved. <a href="{compare}">Compare the versions</a>, '
                            "then reload the story and reapply your changes."
                        ),
                        who=who,
                        when=date_format(timezone.localtime(newer.created_at), "DATETIME_FORMAT"),
                        compare=compare,
                    )
                ),
                code="stale_revision",
            )
        return cleaned_data

    def _check_publication_unchanged(self):
        """Refuses a save whose story was published or unpublished since this request
        read it: saving the draft then would write the old publication state back
        (an autosave sent as the editor clicks *Approve and publish* would
        unpublish what the approval just published)."""
        if self.instance.pk is None:
            return
        stored = type(self.instance).objects.filter(pk=self.instance.pk).values("live").first()
        if stored is not None and stored["live"] != self.instance.live:
            raise ValidationError(
                _(
                    "The story was published or unpublished while you were saving, so your "
                    "changes were not saved. Reload the story and reapply your changes."
                ),
                code="stale_publication",
            )

    def get_field_updates_for_resave(self):
        """After an autosave, the open editor has seen the revision it just saved:
        its later saves, submissions and approvals are made against that revision,
        so that a person's own autosave is never taken for a colleague's save."""
        updates = list(super().get_field_updates_for_resave())
        saved = self.instance.latest_revision
        if saved is not None:
            updates.append(("loaded_revision_id", str(saved.pk)))
            updates.append(("loaded_revision_created_at", saved.created_at.isoformat()))
        return updates

    def _newer_revision(self):
        """The latest revision if the form was loaded from an older one (as Wagtail's
        own autosave decides it), else None."""
        if self.instance.pk is None:
            return None
        latest = self.instance.get_latest_revision()
        if latest is None:
            return None
        own_autosave = self.data.get("overwrite_revision_id")
        if own_autosave:
            return latest if own_autosave != str(latest.pk) else None
        loaded = self.data.get("loaded_revision_id")
        if not loaded:
            return None
        loaded_at = self.data.get("loaded_revision_created_at", "")
        if loaded != str(latest.pk) or loaded_at != latest.created_at.isoformat():
            return latest
        return None


class PublicRecordPanel(Panel):
    """The article's published updates and corrections in the page editor, to read.

    They are a public record kept outside the article's versions: the editor shows
    them and the buttons that add one, and no save, restore or publish changes them.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/public_record_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            article = self.instance
            context["article"] = article
            context["updates"] = article.updates_newest_first
            context["corrections"] = article.corrections_in_order
            context["may_add"] = bool(
                article.pk and article.live and may_publish(self.request.user, article)
            )
            return context
