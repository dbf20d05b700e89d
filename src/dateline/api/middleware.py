"""What every API response shares, whichever view (or none) produced it.

- Errors are problem details: a 404 for a path the API does not have, a 405 for
  a wrong method or any other error Django answers with a page becomes an
  RFC 9457 body, so a client never has to parse HTML.
- Successful reads get an `ETag` (a hash of the body, unless the endpoint set a
  cheaper one) and honour `If-None-Match` and, where an endpoint set
  `Last-Modified`, `If-Modified-Since`, answering 304 Not Modified.
- Anonymous reads may be kept for a few seconds by a CDN; reads made with a token
  or a session are private, since they may include what readers cannot see.
"""

from __future__ import annotations

from http import HTTPStatus

from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_vary_headers

from .problems import problem_response

API_PREFIX = "/api/"
PUBLIC_CACHE = "public, max-age=30, stale-while-revalidate=30"
PRIVATE_CACHE = "private, no-cache"
DETAILS = {
    404: "The API has no such path; see /api/v1/openapi.json.",
    405: "This path does not take that method; see /api/v1/openapi.json.",
}


class ApiResponses(ConditionalGetMiddleware):
    def process_request(self, request):
        # No id, slug, cursor or search holds a NUL, and PostgreSQL refuses one
        # in any text it is asked to compare: a 400 here, not a 500 there.
        if request.path.startswith(API_PREFIX) and (
            "\x00" in request.path
            or any("\x00" in value for values in request.GET.lists() for value in values[1])
        ):
            return problem_response(
                400, "Bad Request", "The path or a query parameter contains a NUL character."
            )
        return None

    def process_response(self, request, response):
        if not request.path.startswith(API_PREFIX):
            return response
        if response.status_code >= 400 and not _is_json(response):
            response = _as_problem(response)
        if request.method not in ("GET", "HEAD") or response.streaming:
            return response
        if response.status_code == 200 and not response.has_header("Cache-Control"):
            identified = "HTTP_AUTHORIZATION" in request.META or (
                getattr(request, "user", None) is not None and request.user.is_authenticated
            )
            response["Cache-Control"] = PRIVATE_CACHE if identified else PUBLIC_CACHE
        patch_vary_headers(response, ["Authorization"])
        return super().process_response(request, response)


def _is_json(response) -> bool:
    return response.get("Content-Type", "").split(";")[0].strip().endswith("json")


def _as_problem(response):
    status = response.status_code
    headers = {name: response[name] for name in ("Allow", "WWW-Authenticate") if name in response}
    title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    return problem_response(status, title, DETAILS.get(status, ""), headers=headers)
