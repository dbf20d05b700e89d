"""How Wagtail's admin turns someone away, by who they are."""

from __future__ import annotations

from django.urls import reverse


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied by sending the person back to the
    dashboard with "Sorry, you do not have permission…" (a 403 to scripts)."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def sent_to_sign_in(response) -> bool:
    """Someone without access to the admin (a reader, or nobody signed in) is sent
    to its sign-in page, to come back afterwards."""
    return response.status_code == 302 and response.url.startswith(
        f"{reverse('wagtailadmin_login')}?next="
    )
