"""Writes about accounts: ending API tokens.

A token is never deleted, only revoked, so the audit log (Reports → Site
history) and the tokens screen keep what it was and when it ended.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import APIToken

PASSWORD_CHANGED = _("password changed")
DEACTIVATED = _("account deactivated")


def do_revoke_token(token: APIToken, by) -> None:
    token.revoke()
    log(token, "wagtail.apitoken.revoke", user=by)


def do_revoke_tokens_of(user_ids: Iterable[int], reason: str) -> int:
    """Revokes every live token of these accounts, whose credentials just changed;
    answers how many there were."""
    tokens = list(APIToken.objects.filter(user_id__in=user_ids, revoked_at__isnull=True))
    for token in tokens:
        token.revoke()
        log(token, "wagtail.apitoken.revoke", data={"reason": str(reason)})
    return len(tokens)
