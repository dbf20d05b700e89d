from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .actions import NOTE_MAX_LENGTH


class NoteForm(forms.Form):
    """The text of an update or a correction, in plain text (paragraphs kept)."""

    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=NOTE_MAX_LENGTH,
    )
