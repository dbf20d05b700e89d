from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import Role


class GrantRoleForm(forms.Form):
    """Who gets which role where; the editions offered are those the viewer administers."""

    person = forms.CharField(
        label=_("Username or email"),
        max_length=254,
        help_text=_("The person signs up first; then find them here by username or email."),
    )
    edition = forms.ModelChoiceField(queryset=None, label=_("Edition"), empty_label=None)
    role = forms.ChoiceField(
        label=_("Role"), choices=[(role.value, capfirst(role.label)) for role in Role]
    )

    def __init__(self, *args, editions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = editions

    def clean_person(self):
        """The account with that username, or else the one with that email."""
        wanted = self.cleaned_data["person"].strip()
        accounts = get_user_model().objects
        person = accounts.filter(username=wanted).first()
        if person is None:
            matches = list(accounts.filter(email__iexact=wanted)[:2])
            if len(matches) > 1:
                raise forms.ValidationError(
                    _("More than one account uses this email: give the username instead.")
                )
            person = matches[0] if matches else None
        if person is None:
            raise forms.ValidationError(
                _("No account has the username or email “%(wanted)s”."),
                params={"wanted": wanted},
            )
        return person
