"""The rule for an edition's front-page choices, shared by the page editor's
form and the curating action.

Stories and topics come as the pages chosen; nothing here needs to know what
kind of story they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class CurationError(NamedTuple):
    """One thing wrong with an edition's front-page choices, and where it is."""

    field: str  # "lead_story", "top_story_slots" or "featured_topics"
    position: int | None  # the slot's or topic's place in its list; None for the lead
    message: str


def in_edition(edition: Page, stories: Sequence[Page]) -> set[int]:
    """The ids of the stories that are in the edition (an `EditionPage`): homed there, or
    circulated to it."""
    homed = {story.pk for story in stories if story.path.startswith(edition.path)}
    if not edition.pk:
        return homed
    circulated = edition.circulated_stories.filter(pk__in=[story.pk for story in stories])
    return homed | set(circulated.values_list("pk", flat=True))


def curation_errors(
    edition: Page,
    lead_story: Page | None,
    top_stories: Sequence[Page],
    featured_topics: Sequence[Page],
) -> list[CurationError]:
    """What is wrong with these front-page choices, each with how to fix it.

    A story must be in this edition (homed here or circulated here) and chosen
    once; a topic must be one of this edition's own hubs and featured once.
    Whether readers may see a story is not checked: an editor may line up a
    scheduled story, which shows once it is published.
    """
    picks = [("lead_story", None, lead_story)] if lead_story is not None else []
    picks += [("top_story_slots", i, story) for i, story in enumerate(top_stories)]
    here = in_edition(edition, [story for _field, _position, story in picks])
    errors = []
    taken: dict[int, str] = {}  # a chosen story's pk → what to say if it is chosen again
    for field, position, story in picks:
        if story.pk not in here:
            message = _(
                "“%(story)s” is not in %(edition)s. Choose a story of %(edition)s, or "
                "first circulate this one to it (the story's Promote tab, Circulated to)."
            )
        elif story.pk in taken:
            message = taken[story.pk]
        else:
            taken[story.pk] = (
                _("“%(story)s” is already the lead story. Choose another story.")
                if field == "lead_story"
                else _("“%(story)s” is already in an earlier slot. Choose another story.")
            )
            continue
        params = {"story": story.title, "edition": edition.title}
        errors.append(CurationError(field, position, message % params))
    featured = set()
    for position, topic in enumerate(featured_topics):
        if topic.path[: -Page.steplen] != edition.path:
            message = _(
                "“%(topic)s” is not a topic of %(edition)s. Choose one of %(edition)s's own topics."
            )
        elif topic.pk in featured:
            message = _("“%(topic)s” is already featured. Choose another topic.")
        else:
            featured.add(topic.pk)
            continue
        params = {"topic": topic.title, "edition": edition.title}
        errors.append(CurationError("featured_topics", position, message % params))
    return errors
