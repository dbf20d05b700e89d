"""The demo's Spanish live blog, through the API: find it, log in, read its position, post."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from bench.harness import BenchError
from bench.harness.http import request_json

EDITION = "es"
BLOG_SLUG = "tormenta-aurelia-en-directo"
USERNAME, PASSWORD = "admin", "dateline-demo"  # the demo's superuser: may post anywhere
LIST_PATH = f"/api/v1/liveblogs/?edition={EDITION}"


def find_blog(base: str) -> int:
    status, body = request_json("GET", f"{base}{LIST_PATH}&limit=100")
    if status != 200:
        raise BenchError(f"GET /api/v1/liveblogs/ answered {status}: {body}")
    for item in body["items"]:
        if urlsplit(item["url"]).path.rstrip("/").endswith(f"/{BLOG_SLUG}"):
            return int(item["id"])
    raise BenchError(f"no live blog {BLOG_SLUG!r} in edition {EDITION!r}: was the demo loaded?")


def get_token(base: str) -> str:
    status, body = request_json(
        "POST", f"{base}/api/v1/auth/token", {"username": USERNAME, "password": PASSWORD}
    )
    if status != 200 or not isinstance(body, dict) or "token" not in body:
        raise BenchError(f"POST /api/v1/auth/token answered {status}: {body}")
    return body["token"]


def last_seq(base: str, blog_id: int) -> int:
    status, body = request_json("GET", f"{base}/api/v1/liveblogs/{blog_id}")
    if status != 200:
        raise BenchError(f"GET /api/v1/liveblogs/{blog_id} answered {status}: {body}")
    return int(body["last_seq"])


def stream_path(blog_id: int, after: int) -> str:
    return f"/api/v1/liveblogs/{blog_id}/stream?after={after}"


def publish(base: str, blog_id: int, token: str, body: str) -> tuple[int, Any]:
    """Posts through the API (transaction, event, notification after commit); 201 on success."""
    try:
        return request_json(
            "POST", f"{base}/api/v1/liveblogs/{blog_id}/posts", {"body": body}, token
        )
    except OSError as exc:
        return 0, f"{type(exc).__name__}: {exc}"
