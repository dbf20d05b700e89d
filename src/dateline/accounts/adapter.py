"""How the readers' sign-up and sign-in (django-allauth) fit Dateline."""

from __future__ import annotations

from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter

from dateline.lib.addresses import client_ip

from .editions import way_back
from .usernames import normalize_username


def _with_way_back(request, url: str) -> str:
    """The link in a mail carries the page the reader started from, so that the
    page it opens speaks their edition and, once done, leads back there."""
    back = way_back(request) if request is not None else None
    if not back:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode({'next': back})}"


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        # The same address, through the same trusted proxies, as every other
        # limit and lockout of the site.
        return client_ip(request)

    def clean_username(self, username: str, shallow: bool = False) -> str:
        # Stored as validated: a full-width "reporter" becomes the plain one,
        # and so collides with the account it imitates.
        return super().clean_username(normalize_username(username), shallow)

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return _with_way_back(
            request, super().get_email_confirmation_url(request, emailconfirmation)
        )

    def get_reset_password_from_key_url(self, key: str) -> str:
        return _with_way_back(self.request, super().get_reset_password_from_key_url(key))

    def get_email_verification_redirect_url(self, email_address) -> str:
        # Back where the reader started, not on the sign-in page.
        return way_back(self.request) or super().get_email_verification_redirect_url(email_address)
