"""The page editor's form for stories (kept apart from the models' imports)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class StoryPageForm(WagtailAdminPageForm):
    """The page editor's form for stories: refuses a save made against a stale revision.

    Wagtail tells an editor who else is editing a story, but a plain save from
    a form loaded before a colleague's save would still overwrite the
    colleague's work. This refuses it instead, keeps what the editor typed in
    the form, and links the comparison of the two versions.
    """

    def clean(self):
        cleaned_data = super().clean()
        newer = self._newer_revision()
        if newer is not None:
            loaded = self.data.get("loaded_revision_id")
            compare = reverse(
                "wagtailadmin_pages:revisions_compare", args=[self.instance.pk, loaded, newer.pk]
            )
            who = newer.user.get_full_name() or newer.user.get_username() if newer.user else "?"
            raise ValidationError(
                format_html(
                    _(
                        "{who} saved a newer version at {when} while you were editing, so your "
                        'changes were not saved. <a href="{compare}">Compare the versions</a>, '
                        "then reload the story and reapply your changes."
                    ),
                    who=who,
                    when=date_format(timezone.localtime(newer.created_at), "DATETIME_FORMAT"),
                    compare=compare,
                ),
                code="stale_revision",
            )
        return cleaned_data

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
