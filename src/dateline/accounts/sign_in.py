"""Signing in with a password, at any door, under one lockout rule.

Every failed attempt counts against the address it came from
(`lib.addresses.client_ip`, through the trusted proxies) and against the
account, that is the username tried; once either has failed
`settings.LOGIN_FAILURES` times within the window (5 in 5 minutes by default,
DATELINE_LOGIN_FAILURES), the door refuses at once, without checking the
password, so a refused guess costs no password hash and learns nothing. A
success counts nothing and clears nothing, so an attacker cannot reset
another account's count, or their own, by signing in to an account they hold.

The counters are django-allauth's own (ACCOUNT_RATE_LIMITS["login_failed"],
built from the same setting, kept in the cache), so the readers' sign-in at
/accounts/login/ shares them: failures at any door count at every door. The
admin's login form and the API's token endpoint call `check_sign_in`; so must
any door added later.
"""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.exceptions import ValidationError


class LockedOut(Exception):
    """Too many failed sign-ins for the account or from the address."""

    def __init__(self):
        # The counts are of the last window: waiting a whole one always frees the door.
        self.retry_after = settings.LOGIN_FAILURES[1]
        super().__init__(f"Too many failed sign-ins; try again in {self.retry_after} seconds.")


def check_sign_in(request, username: str, password: str):
    """The account, if the password is right and the account is active; None
    otherwise. Raises LockedOut, before any password is checked, past the limit."""
    try:
        user = get_adapter(request).authenticate(request, username=username, password=password)
    except ValidationError as error:
        if error.code == "too_many_login_attempts":
            raise LockedOut from None
        raise
    return user if user is not None and user.is_active else None
