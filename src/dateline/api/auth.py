"""Who is calling: a bearer token (Wagtail's API tokens), or the signed-in session
(the desk, with CSRF). Tokens expire DATELINE_API_TOKEN_DAYS after they are issued.

A request that sends `Authorization: Bearer …` is judged by the token alone: a
wrong, revoked or expired one is 401, never a fall-back to the session (whose
CSRF check would answer 403 instead). A write with neither credential is 401
too; only a signed-in session meets the CSRF check.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth

from dateline.accounts.tokens import token_expiry

NO_CREDENTIALS = "Send a valid token as `Authorization: Bearer <token>` (POST /api/v1/auth/token)."
BAD_TOKEN = "The token is unknown, revoked or expired; get a new one with POST /api/v1/auth/token."


class InvalidToken(AuthenticationError):
    """A token was sent and is unknown, revoked or expired."""


class ExpiringBearerToken(BearerTokenAuth):
    def __call__(self, request):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None  # no token sent: the session may still speak
        api_token = self.authenticate(request, token.strip())
        if api_token is None:
            raise InvalidToken()
        return api_token

    def authenticate(self, request, token: str):
        api_token = super().authenticate(request, token)
        if api_token is not None and token_expiry(api_token) <= timezone.now():
            request.user = AnonymousUser()
            return None
        return api_token


class SignedInSession(SessionAuth):
    """The desk's session; CSRF is checked only for a session that is signed in,
    so an anonymous write is 401, not a CSRF failure."""

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


token_or_session = [ExpiringBearerToken(), SignedInSession()]


def optional_user(request):
    """The caller if they identified themselves; reads are open to everyone.

    A token that is sent but not valid is an error, not an anonymous read.
    """
    if ExpiringBearerToken()(request) is not None:
        return request.user
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
