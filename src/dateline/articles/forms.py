from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser


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


class TranslationForm(forms.Form):
    """A story to link, or unlink, as a version of another in another language."""

    def __init__(self, *args, story, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.ModelChoiceField(
            queryset=versions,
            label=_("Version in another language"),
            help_text=_("A story of the same kind in another edition's language."),
            widget=AdminPageChooser(target_models=[story.specific_class], can_choose_root=False),
            error_messages={"invalid_choice": _("Choose a story you can see in the newsroom.")},
        )
