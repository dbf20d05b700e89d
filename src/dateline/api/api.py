"""The versioned JSON API under /api/v1/, documented at /api/v1/openapi.json."""

from __future__ import annotations

import functools
import inspect
from http import HTTPStatus

from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from django.urls import Resolver404, resolve
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError

from dateline.live.actions import EditConflict

from . import articles, comments, editions, live, stories, tokens, topics, wire
from .auth import BAD_TOKEN, NO_CREDENTIALS, InvalidToken, optional_user
from .bodies import check_body
from .problems import Problem, problem_response

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
    },
    "required": ["type", "title", "status"],
}
READ_ERRORS = {
    "400": "Bad request: a malformed parameter, cursor or page size, or an unknown parameter.",
    "401": "The token sent is unknown, revoked or expired.",
    "404": "Nothing readers may see is here.",
    "405": "This path does not take that method.",
}
WRITE_ERRORS = {
    **READ_ERRORS,
    "401": "No token was sent (nor a signed-in session), or it is unknown, revoked or expired.",
    "403": "The caller may not do this here.",
    "409": "The change was made against a stale revision.",
    "413": "The request body is too large.",
    "422": "The content is not acceptable (see `detail` and `fields`).",
    "429": "Too many requests.",
}


class DatelineAPI(NinjaAPI):
    """Documents the problem details every operation may answer with, and the
    304 of conditional reads, so clients and conformance checks know them."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                # Status codes come as numbers from the decorators and as strings
                # from `openapi_extra`: one key each, or the JSON repeats a key.
                responses = {}
                for status, response in operation.get("responses", {}).items():
                    responses[str(status)] = {**response, **responses.get(str(status), {})}
                operation["responses"] = responses
                errors = READ_ERRORS if method == "get" else WRITE_ERRORS
                for status, description in errors.items():
                    responses.setdefault(status, {"description": description, "content": problem})
                if method == "get":
                    responses.setdefault(
                        "304", {"description": "Not modified since the ETag sent."}
                    )
        return schema


api = DatelineAPI(
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
api.add_router("/auth", tokens.router)
api.add_router("/editions", editions.router)
api.add_router("/topics", topics.router)
api.add_router("/stories", stories.router)
api.add_router("/stories", comments.router)
api.add_router("/articles", articles.router)
api.add_router("/search", stories.search_router)
api.add_router("/liveblogs", live.router)
api.add_router("/wire", wire.router)


def only_known_query_parameters(view):
    """Refuses query parameters an endpoint does not take, so a misspelt filter
    (`?editon=cl`) is an error rather than a silently unfiltered list."""
    # Bodies are `payload` by convention; path parameters never come as query ones.
    known = set(inspect.signature(view).parameters) - {"request", "response", "payload"}

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        unknown = sorted(set(request.GET) - known)
        if unknown:
            takes = ", ".join(sorted(known - set(request.resolver_match.kwargs)))
            raise Problem(
                400,
                "Bad request",
                f"Unknown query parameter: {', '.join(unknown)}."
                + (f" This endpoint takes: {takes}." if takes else ""),
            )
        return view(request, *args, **kwargs)

    return checked


def sent_tokens_are_valid(view):
    """A token that is sent must be valid, on open reads too: a client with an
    expired token learns it at once instead of silently reading as anyone.
    (Writes authenticate anyway, and asking for a new token must work with a
    stale one still in the header.)"""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            optional_user(request)
        return view(request, *args, **kwargs)

    return checked


def checked_bodies(view):
    """A body is a JSON object whose strings are text: no NUL, no lone surrogate."""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        check_body(request)
        return view(request, *args, **kwargs)

    return checked


api.add_decorator(only_known_query_parameters)
api.add_decorator(sent_tokens_are_valid)
api.add_decorator(checked_bodies)


def no_such_path(request, *args, **kwargs):
    detail = "The API has no such path; see /api/v1/openapi.json."
    # A trailing slash too many or too few is the commonest slip: name the real path.
    path = request.path
    other = path[:-1] if path.endswith("/") else f"{path}/"
    try:
        found = resolve(other).func is not no_such_path
    except Resolver404:
        found = False
    if found:
        detail = f"The API has no such path. Did you mean {other}?"
    return problem_response(404, "Not Found", detail)


@api.exception_handler(Problem)
def on_problem(request, exc: Problem):
    return problem_response(exc.status, exc.title, exc.detail, headers=exc.headers, **exc.extra)


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
def on_unauthenticated(request, exc: AuthenticationError):
    detail = BAD_TOKEN if isinstance(exc, InvalidToken) else NO_CREDENTIALS
    return problem_response(401, "Unauthorized", detail, headers={"WWW-Authenticate": "Bearer"})


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


@api.exception_handler(RequestDataTooBig)
def on_too_big(request, exc):
    return problem_response(413, "Content too large", "The request body is too large.")


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    status = exc.status_code
    title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    return problem_response(status, title, str(exc))
