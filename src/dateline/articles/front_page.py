"""What an edition's front page shows, in its order: the lead story, the top
stories and the topic bar. The page, the home page's edition list and the API
all read it here.

The editors' choices are kept on the edition page (`editions.models`); what
readers may see is decided now, not when the page was curated: a chosen story
that has since been unpublished, restricted or taken out of circulation here
drops out, and the next story moves up.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.editions.models import EditionPage
from dateline.lib.generation import remember

from .listing import story_cards
from .models import StoryPage, StoryQuerySet, TopicPage

# How many stories a front page shows, its lead included.
FRONT_PAGE_SIZE = 25


def stories_in(edition: EditionPage) -> StoryQuerySet:
    """The edition's stories (homed here or circulated here) that readers may see."""
    return StoryPage.objects.visible_to_readers().in_edition(edition)


def lead_story_pk(edition: EditionPage, shown: StoryQuerySet) -> int | None:
    """The story the front page leads with, among `shown`: the editors' lead
    while readers may see it, otherwise the newest story."""
    if edition.lead_story_id and shown.filter(pk=edition.lead_story_id).exists():
        return edition.lead_story_id
    return shown.newest_first().values_list("pk", flat=True).first()


def front_page(edition: EditionPage) -> dict:
    """The lead story, the top stories and the topic bar.

    The editors' lead comes first, then their top stories in their order,
    then the newest stories up to FRONT_PAGE_SIZE.
    """
    shown = stories_in(edition)
    chosen = [pk for pk in (edition.lead_story_id, *top_story_choices(edition)) if pk]
    # The newest stories, enough to fill the page whichever chosen ones are among
    # them: a short walk down the date index however large the archive.
    newest = list(
        shown.newest_first().values_list("pk", flat=True)[: FRONT_PAGE_SIZE + len(chosen)]
    )
    candidates = shown.filter(pk__in={*chosen, *newest}).newest_first()
    cards = {story.pk: story for story in story_cards(candidates)}
    # The editors' lead while readers may see it, otherwise the newest story.
    lead = [edition.lead_story_id] if edition.lead_story_id in cards else newest[:1]
    order = dict.fromkeys([*lead, *chosen, *newest])
    stories = [cards[pk] for pk in order if pk in cards][:FRONT_PAGE_SIZE]
    return {
        "lead_story": stories[0] if stories else None,
        "top_stories": stories[1:],
        "topics": topic_bar(edition),
    }


def topics_of(edition: EditionPage):
    """The edition's topic hubs readers may see, by title."""
    return TopicPage.objects.visible_to_readers().child_of(edition).order_by("title")


def top_story_choices(edition: EditionPage) -> list[int]:
    """The editors' top stories, in their order (changed only by publishing the edition)."""
    return remember(
        f"top-stories:{edition.pk}",
        lambda: [slot.story_id for slot in edition.top_story_slots.all()],
    )


def topic_bar(edition: EditionPage) -> list[TopicPage]:
    """The topics under the masthead: the featured ones in the editors' order.

    With none featured, or none of them still published, every topic of the
    edition by title, so the bar never disappears. Remembered per publication.
    """

    def build():
        hubs = topics_of(edition)
        featured = [choice.topic_id for choice in edition.featured_topics.all()]
        shown = {topic.pk: topic for topic in hubs.filter(pk__in=featured)} if featured else {}
        return [shown[pk] for pk in featured if pk in shown] or list(hubs)

    return remember(f"topic-bar:{edition.pk}", build)


def with_leads(editions: Iterable[EditionPage]) -> list[EditionPage]:
    """The editions, each with the story its front page leads with as `lead`."""
    editions = list(editions)
    leads = {edition.pk: lead_story_pk(edition, stories_in(edition)) for edition in editions}
    stories = StoryPage.objects.in_bulk([pk for pk in leads.values() if pk is not None])
    for edition in editions:
        edition.lead = stories.get(leads[edition.pk])
    return editions


def latest(edition: EditionPage | None, count: int) -> list[StoryPage]:
    """The edition's newest stories, as cards (none outside every edition)."""
    if edition is None:
        return []
    return story_cards(stories_in(edition).newest_first()[:count])
