"""How the readers' sign-up and sign-in (django-allauth) fit Dateline."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter

from dateline.lib.addresses import client_ip

from .usernames import normalize_username


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        # The same address, through the same trusted proxies, as every other
        # limit and lockout of the site.
        return client_ip(request)

    def clean_username(self, username: str, shallow: bool = False) -> str:
        # Stored as validated: a full-width "reporter" becomes the plain one,
        # and so collides with the account it imitates.
        return super().clean_username(normalize_username(username), shallow)
