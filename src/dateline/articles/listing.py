"""Loading many stories for a list: the one place that decides what a listing
fetches with its stories, so that every list (front pages, hubs, search, the
404 page, feeds, sitemaps, the API) costs a fixed number of queries however
many stories it holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from dateline.editions.models import edition_path, editions_by_path
from dateline.photos.models import PhotoRendition

from .models import StoryByline, StoryPage, readers_topics


def preload(
    stories: Iterable[StoryPage],
    *,
    renditions: Sequence[str] | None = None,
    bylines: bool = False,
    circulation: bool = False,
    last_updated: bool = True,
) -> list[StoryPage]:
    """The (specific) stories, with what a listing shows of each loaded for all of
    them at once: the topic label, the lead photo and its renditions (those named,
    or every one kept), the home edition, what each story type adds to its card
    (`preload_cards`: a live blog's status), and where the list shows them, what
    `last_updated` reads, bylines and the editions a story is circulated to.
    """
    stories = list(stories)
    # Topic labels from the hubs remembered for this publication; a query only
    # for topics readers may not see (which labels leave out anyway).
    topics = readers_topics()
    for story in stories:
        if story.topic_id in topics:
            StoryPage.topic.field.set_cached_value(story, topics[story.topic_id])
    prefetch_related_objects(stories, "topic", "lead_image")
    photos = list({story.lead_image for story in stories if story.lead_image is not None})
    kept = PhotoRendition.objects.all()
    if renditions is not None:
        kept = kept.filter(filter_spec__in=renditions)
    prefetch_related_objects(photos, Prefetch("renditions", queryset=kept))
    if bylines:
        prefetch_related_objects(
            stories, Prefetch("bylines", queryset=StoryByline.objects.select_related("author"))
        )
    if circulation:
        prefetch_related_objects(stories, "circulated_to")
    editions = editions_by_path(story.path for story in stories)
    for story in stories:
        story.__dict__.setdefault("edition", editions.get(edition_path(story)))
    for model in {type(story) for story in stories}:
        same = [story for story in stories if type(story) is model]
        model.preload_cards(same)
        if last_updated:
            model.preload_last_updated(same)
    return stories


def as_specific(stories: QuerySet) -> list[StoryPage]:
    """The stories as their own types, in the queryset's order: one query for
    their ids and types, then one per type with what a card shows of each
    (`card_related`), as Wagtail's `.specific()` does without the latter."""
    rows = list(stories.values_list("pk", "content_type_id"))
    by_type: dict[int, list[int]] = {}
    for pk, content_type_id in rows:
        by_type.setdefault(content_type_id, []).append(pk)
    found: dict[int, StoryPage] = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        found.update(model.objects.select_related(*model.card_related).in_bulk(pks))
    return [found[pk] for pk, _ in rows if pk in found]


def story_cards(stories: QuerySet) -> list[StoryPage]:
    """The stories as the site's story cards show them (`articles/_story_card.html`)."""
    return preload(as_specific(stories), last_updated=False)
