"""Writes to editions that are not Wagtail's own page editing: the demo and
any script curate a front page through here, with the rule the page editor's
form applies.

`check_…` validates its input and the user's right to act, then calls `do_…`,
which assumes checked input and changes data atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from .models import EditionPage, FeaturedTopic, FrontPageStory

if TYPE_CHECKING:
    from dateline.articles.models import StoryPage, TopicPage


def do_curate_front_page(
    edition: EditionPage,
    user,
    *,
    lead_story: StoryPage | None = None,
    top_stories: Sequence[StoryPage] = (),
    featured_topics: Sequence[TopicPage] = (),
) -> EditionPage:
    """Publishes a new revision of the edition page with this front page.

    The revision starts from the live page, not from any pending draft, so
    curating never publishes unreviewed changes to the edition's other fields.
    """
    with transaction.atomic():
        edition = EditionPage.objects.select_for_update().get(pk=edition.pk)
        edition.lead_story = lead_story
        # Inline rows keep their order in sort_order; assigning a list does not set it.
        edition.top_story_slots = [
            FrontPageStory(story=story, sort_order=i) for i, story in enumerate(top_stories)
        ]
        edition.featured_topics = [
            FeaturedTopic(topic=topic, sort_order=i) for i, topic in enumerate(featured_topics)
        ]
        revision = edition.save_revision(user=user, log_action=True)
        revision.publish(user=user)
    return edition


def check_curate_front_page(
    edition: EditionPage,
    user,
    *,
    lead_story: StoryPage | None = None,
    top_stories: Sequence[StoryPage] = (),
    featured_topics: Sequence[TopicPage] = (),
) -> EditionPage:
    if not edition.may_be_edited_by(user):
        raise PermissionDenied(f"Only the editors of {edition.title} may change its front page.")
    errors = edition.curation_errors(lead_story, top_stories, featured_topics)
    if errors:
        raise ValidationError([error.message for error in errors])
    return do_curate_front_page(
        edition,
        user,
        lead_story=lead_story,
        top_stories=top_stories,
        featured_topics=featured_topics,
    )
