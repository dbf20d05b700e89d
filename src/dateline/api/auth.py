"""Who is calling: a bearer token (Wagtail's API tokens), or the signed-in session
(the desk, with CSRF). Tokens expire DATELINE_API_TOKEN_DAYS after they are issued."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import APIToken

from .problems import Problem


def token_expiry(token: APIToken):
    return token.created + timedelta(days=settings.API_TOKEN_DAYS)


class ExpiringBearerToken(BearerTokenAuth):
    def authenticate(self, request, token: str):
        api_token = super().authenticate(request, token)
        if api_token is not None and token_expiry(api_token) <= timezone.now():
            request.user = AnonymousUser()
            return None
        return api_token


token_or_session = [ExpiringBearerToken(), SessionAuth()]


def optional_user(request):
    """The caller if they identified themselves; reads are open to everyone.

    A token that is sent but not valid is an error, not an anonymous read.
    """
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        if ExpiringBearerToken().authenticate(request, header[7:].strip()) is None:
            raise Problem(401, "Unauthorized", "The token is unknown, revoked or expired.")
        return request.user
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
