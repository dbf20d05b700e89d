"""Searching stories: what readers may find is what they may see."""

from __future__ import annotations

import re

from .models import StoryPage

MAX_HITS = 500
WORD = re.compile(r"\w+")


def search_stories(terms: str, edition=None) -> list[StoryPage]:
    """Stories readers may see that match `terms`, most relevant first.

    The index holds drafts too (it is updated on every save), so the hits are
    filtered through `visible_to_readers()`, the one rule for what readers see.
    """
    # Only words count: punctuation, quotes and control characters (a NUL above
    # all) mean nothing to a reader's search, and some of them are syntax to
    # the database's full-text query language.
    terms = " ".join(WORD.findall(terms))
    if not terms:
        return []
    hits = [hit.pk for hit in StoryPage.objects.search(terms)[:MAX_HITS]]
    stories = StoryPage.objects.visible_to_readers().filter(pk__in=hits)
    if edition is not None:
        stories = stories.in_edition(edition)
    found = {story.pk: story for story in stories.select_related("topic", "lead_image").specific()}
    return [found[pk] for pk in hits if pk in found]
