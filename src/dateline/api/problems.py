"""RFC 9457 problem details for every API error."""

from __future__ import annotations

from django.http import JsonResponse


class Problem(Exception):
    """An API error with a status, a title and a detail a developer can act on."""

    def __init__(self, status: int, title: str, detail: str = "", headers=None, **extra):
        super().__init__(detail or title)
        self.status, self.title, self.detail, self.extra = status, title, detail, extra
        self.headers = headers or {}


def problem_response(status: int, title: str, detail: str = "", headers=None, **extra):
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    response = JsonResponse(
        body,
        status=status,
        content_type="application/problem+json",
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response
