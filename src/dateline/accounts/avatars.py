"""Each person's avatar in the newsroom's screens: their initials, drawn on the spot.

No picture is fetched from an outside service (WAGTAIL_GRAVATAR_PROVIDER_URL is
None), so readers' and reporters' addresses are never sent anywhere; the admin's
avatars (who else is editing a story, the account menu, the history) show a
person's initials on a colour of their own instead.
"""

from __future__ import annotations

import hashlib
from html import escape
from urllib.parse import quote

# Dark enough for white initials to pass WCAG's 4.5:1 contrast.
COLOURS = ["#1f5f8b", "#7a3e9d", "#2e6b30", "#a23b2a", "#5b5b5b", "#8a4b08", "#0f6d6d"]


def initials(user) -> str:
    """Up to two letters: of the first and last names, else of the username."""
    names = [user.first_name, user.last_name] if hasattr(user, "first_name") else []
    letters = "".join(name.strip()[:1] for name in names if name and name.strip())
    if not letters:
        username = user.get_username() or "?"
        letters = username[:1]
    return letters[:2].upper()


def initials_avatar_url(user, size: int = 50) -> str:
    """An SVG data URL of the person's initials, `size` pixels square."""
    key = str(user.pk or user.get_username()).encode()
    colour = COLOURS[int(hashlib.sha256(key).hexdigest(), 16) % len(COLOURS)]
    text = escape(initials(user))
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 100 100"><rect width="100" height="100" fill="{colour}"/>'
        f'<text x="50" y="50" dy=".35em" text-anchor="middle" fill="#fff" '
        f'font-family="sans-serif" font-size="42" font-weight="600">{text}</text></svg>'
    )
    return "data:image/svg+xml," + quote(svg)
