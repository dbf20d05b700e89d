"""The versioned JSON API under /api/v1/, documented at /api/v1/openapi.json."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError

from dateline.accounts.api import router as auth_router
from dateline.comments.api import router as comments_router
from dateline.live.actions import EditConflict
from dateline.live.api import router as live_router

from .problems import Problem, problem_response

api = NinjaAPI(
    title="Dateline API",
    version="1",
    description=(
        "Editions, stories and live coverage for the app and other machines. "
        "Get a token with POST /api/v1/auth/token and send it as "
        "`Authorization: Bearer <token>`. Errors are RFC 9457 problem details."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("/auth", auth_router)
api.add_router("/liveblogs", live_router)
api.add_router("/stories", comments_router)


@api.exception_handler(Problem)
def on_problem(request, exc: Problem):
    return problem_response(exc.status, exc.title, exc.detail, **exc.extra)


@api.exception_handler(SchemaError)
def on_schema_error(request, exc: SchemaError):
    return problem_response(
        400, "Bad request", "The request does not match the documented schema.", errors=exc.errors
    )


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    fields = getattr(exc, "message_dict", None)
    detail = " ".join(exc.messages)
    return problem_response(
        422, "Unprocessable content", detail, **({"fields": fields} if fields else {})
    )


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return problem_response(
        401,
        "Unauthorized",
        "Send a valid token as `Authorization: Bearer <token>` (POST /api/v1/auth/token).",
        headers={"WWW-Authenticate": "Bearer"},
    )


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return problem_response(403, "Forbidden", str(exc) or "You may not do this.")


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return problem_response(404, "Not found", str(exc) or "There is nothing here.")


@api.exception_handler(EditConflict)
def on_conflict(request, exc: EditConflict):
    from dateline.live.rendering import post_json

    return problem_response(
        409,
        "Conflict",
        f"The post was changed by someone else (now at revision {exc.current.revision}); "
        "reapply your edit to the current version.",
        current=post_json(exc.current, exc.current.blog),
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return problem_response(exc.status_code, "Error", str(exc))
