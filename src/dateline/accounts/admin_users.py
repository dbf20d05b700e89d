"""The admin's user screens (Settings → Users), with the sign-up form's username rule.

Wagtail takes its user screens from the `user_viewset` its users app names;
`apps.UsersConfig` names this one.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .usernames import normalize_username, validate_username


class UsernameRule:
    """A new or changed username follows `usernames.validate_username` and is
    stored normalised (a full-width copy of a taken name is then a duplicate).
    An unchanged one is left alone, so an old look-alike account can still be
    deactivated without renaming it first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].help_text = _(
            "Required. Letters of one alphabet, digits and . _ - only."
        )

    def clean_username(self):
        username = normalize_username(self.cleaned_data["username"])
        if self.instance.pk is None or username != self.instance.username:
            validate_username(username)
        return username


class AdminUserCreationForm(UsernameRule, UserCreationForm):
    pass


class AdminUserEditForm(UsernameRule, UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
