"""The admin's login form, under the sign-in lockout rule (`sign_in.py`)."""

from __future__ import annotations

import math

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms.auth import LoginForm

from .sign_in import LockedOut, check_sign_in


class AdminLoginForm(LoginForm):
    """Wagtail's login form (WAGTAILADMIN_USER_LOGIN_FORM), signing in through
    `check_sign_in` instead of calling `authenticate` itself."""

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = check_sign_in(self.request, username, password)
            except LockedOut as locked:
                raise ValidationError(
                    _(
                        "Too many failed sign-ins for this account or from this address. "
                        "Wait %(minutes)d minutes and try again."
                    )
                    % {"minutes": math.ceil(locked.retry_after / 60)},
                    code="locked_out",
                ) from None
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data
