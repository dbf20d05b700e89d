from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


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
