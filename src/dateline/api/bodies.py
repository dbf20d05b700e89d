"""Request bodies whose every string is text.

JSON may spell a lone surrogate (`"\\ud800"`) or a NUL (`"\\u0000"`); neither is
text, and a database refuses the one and refuses or drops the other. Every
endpoint that takes a body is checked here (`api.checked_bodies`), so such
a string gets a 400 at the door, whichever field it is in, before any query is
built with it.
"""

from __future__ import annotations

import json

from dateline.lib.text import not_text

from .problems import Problem


def first_non_text(value, where: str = "body") -> str | None:
    """Where the first string that is not text is, and why, or None."""
    if isinstance(value, str):
        problem = not_text(value)
        return f"The text at {where} {problem}." if problem else None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        problem = not_text(key) if isinstance(key, str) else None
        if problem:
            return f"A key in {where} {problem}."
        found = first_non_text(item, f"{where}.{key}")
        if found:
            return found
    return None


def check_body(request) -> None:
    """Refuses a JSON body that is not an object, or that holds a string that is
    not text (400 problem): every body the API takes is an object."""
    if not request.body or request.content_type != "application/json":
        return
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return  # malformed: the API's own parsing answers it
    if not isinstance(data, dict):
        raise Problem(400, "Bad request", "The body must be a JSON object.")
    found = first_non_text(data)
    if found:
        raise Problem(400, "Bad request", found)
