"""API tokens: POST /api/v1/auth/token exchanges a username and password for one."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from ninja import Router, Schema
from wagtail.models import APIToken

from dateline.accounts.sign_in import LockedOut, check_sign_in
from dateline.accounts.tokens import token_expiry

from .problems import Problem
from .types import Body, Text

router = Router(tags=["auth"])


class Credentials(Body):
    username: Text
    password: Text


class TokenOut(Schema):
    token: str
    expires_at: datetime


@router.post("/token", response={200: TokenOut}, auth=None, summary="Get an API token")
def issue_token(request, credentials: Credentials):
    """Exchanges a username and password for a bearer token. Revoke tokens in the
    admin (Account → API tokens). Too many failed attempts for the account or from
    the address get 429 with Retry-After, whatever the password."""
    try:
        user = check_sign_in(request, credentials.username, credentials.password)
    except LockedOut as locked:
        raise Problem(
            429,
            "Too many requests",
            "Too many failed sign-ins for this account or from this address; "
            f"try again in {locked.retry_after} seconds.",
            headers={"Retry-After": str(locked.retry_after)},
        ) from None
    if user is None:
        raise Problem(401, "Unauthorized", "The username or password is wrong.")
    token, plaintext = APIToken.create_token(
        user=user, name=f"Issued by POST /api/v1/auth/token on {timezone.now():%Y-%m-%d %H:%M}"
    )
    return {"token": plaintext, "expires_at": token_expiry(token)}
