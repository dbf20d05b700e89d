"""Page not found: in the language of the edition the address belongs to.

A reader who follows a dead link into /es/ gets a Spanish page with the
edition's masthead, a search box, its front page and its latest stories; an
address outside every edition gets the same in the site's language.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone, translation

from .models import EditionPage

LATEST = 5


def edition_for_path(request) -> EditionPage | None:
    """The live, public edition whose address the request's path is under, if any."""
    for edition in EditionPage.objects.live().public():
        parts = edition.get_url_parts(request)
        prefix = parts[2] if parts else None
        if prefix and prefix != "/" and request.path.startswith(prefix):
            return edition
    return None


def page_not_found(request, exception=None):
    from dateline.articles.models import story_cards

    edition = edition_for_path(request)
    if edition is None:
        return render(request, "404.html", {"page": None, "latest": []}, status=404)
    with translation.override(edition.language), timezone.override(edition.tzinfo):
        latest = story_cards(edition.stories_for_readers().newest_first()[:LATEST])
        response = render(request, "404.html", {"page": edition, "latest": latest}, status=404)
    response.headers["Content-Language"] = edition.language
    return response
