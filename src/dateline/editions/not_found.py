"""Page not found: in the language of the edition the address belongs to.

A reader who follows a dead link into /es/ gets a Spanish page with the
edition's masthead, a search box, its front page and its latest stories; an
address outside every edition gets the same in the site's language.
"""

from __future__ import annotations

from django.shortcuts import render

from .models import EditionPage, reading_in


def edition_for_path(request) -> EditionPage | None:
    """The live, public edition whose address the request's path is under, if any."""
    for edition in EditionPage.objects.visible_to_readers():
        parts = edition.get_url_parts(request)
        prefix = parts[2] if parts else None
        if prefix and prefix != "/" and request.path.startswith(prefix):
            return edition
    return None


def page_not_found(request, exception=None):
    edition = edition_for_path(request)
    if edition is None:
        return render(request, "404.html", {"page": None}, status=404)
    with reading_in(edition):
        response = render(request, "404.html", {"page": edition}, status=404)
    response.headers["Content-Language"] = edition.language
    return response
