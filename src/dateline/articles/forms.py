from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser

from dateline.lib.ids import is_database_id


class NoteForm(forms.Form):
    """The text of an update or a correction, in plain text (paragraphs kept)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limit is a setting, read when the form is made.
        self.fields["text"] = forms.CharField(
            label=_("Text"),
            widget=forms.Textarea(attrs={"rows": 5}),
            max_length=settings.NOTE_MAX_CHARS,
        )


class StoryChoiceField(forms.ModelChoiceField):
    """A story chosen by id; what cannot be an id is an invalid choice, never a query."""

    def to_python(self, value):
        if value not in self.empty_values and not (
            re.fullmatch(r"[0-9]{1,19}", str(value)) and is_database_id(int(value))
        ):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class TranslationForm(forms.Form):
    """A story to link, or unlink, as a version of another in another language."""

    def __init__(self, *args, story, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = StoryChoiceField(
            queryset=versions,
            label=_("Version in another language"),
            help_text=_("A story of the same kind in another edition's language."),
            widget=AdminPageChooser(target_models=[story.specific_class], can_choose_root=False),
            error_messages={"invalid_choice": _("Choose a story you can see in the newsroom.")},
        )
