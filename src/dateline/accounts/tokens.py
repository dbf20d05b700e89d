"""API tokens: how long they live, and whose tokens each person may see and revoke.

- everyone sees and revokes their own;
- an edition admin also those of everyone holding a role in the editions they
  administer (`editions.access.editions_administered_by`), site admins excepted;
- a site admin everyone's.

The tokens screen and any other door fetch a token through `managed_token`,
which fetches and authorises together. A token's secret is never stored, so no
door can show it after issue: only its first characters (`prefix`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from wagtail.models import APIToken

from dateline.editions.access import editions_administered_by
from dateline.editions.roles import people_with_roles_in


def _lifetime() -> timedelta:
    return timedelta(days=settings.API_TOKEN_DAYS)


def token_expiry(token: APIToken) -> datetime:
    return token.created + _lifetime()


def unexpired(tokens: QuerySet[APIToken]) -> QuerySet[APIToken]:
    """The tokens still within their lifetime, revoked ones included."""
    return tokens.filter(created__gt=timezone.now() - _lifetime())


def tokens_managed_by(user) -> QuerySet[APIToken]:
    tokens = APIToken.objects.select_related("user")
    if not (user.is_authenticated and user.is_active):
        return tokens.none()
    if user.is_superuser:
        return tokens
    people = people_with_roles_in(editions_administered_by(user)).filter(is_superuser=False)
    return tokens.filter(Q(user=user) | Q(user__in=people.values("pk")))


def managed_token(user, token_id: int) -> APIToken:
    """The token, if the user may see and revoke it; not found otherwise, so no
    one learns which tokens exist beyond their own."""
    token = tokens_managed_by(user).filter(pk=token_id).first()
    if token is None:
        raise Http404(f"No API token {token_id} is yours to manage.")
    return token
