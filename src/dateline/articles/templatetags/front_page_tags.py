"""Stories on editions' pages: `{% load front_page_tags %}`.

The edition pages (`editions`) know nothing of stories; their templates ask
these tags, so the front page is assembled here from the stories app.
"""

from __future__ import annotations

from django import template
from django.utils.http import urlencode

from dateline.articles import front_page as composition
from dateline.articles.models import EDITION_PARAM, story_visible_to_readers

register = template.Library()


@register.simple_tag
def front_page(edition) -> dict:
    """`{% front_page page as front %}`: `front.lead_story`, `.top_stories`, `.topics`."""
    return composition.front_page(edition)


@register.simple_tag
def with_leads(editions) -> list:
    """`{% with_leads edition_list as editions %}`: each edition with its `lead` story."""
    return composition.with_leads(editions)


@register.simple_tag
def latest_stories(edition, count: int = 5) -> list:
    """`{% latest_stories page 5 as latest %}`: the edition's newest stories."""
    return composition.latest(edition, count)


@register.simple_tag(takes_context=True)
def story_url(context, story) -> str:
    """`{% story_url story %}`: where a card on an edition's page leads. A story
    circulated to the page's edition keeps its one URL, and names the edition so
    that the reader stays in it (`StoryPage.reader_edition`)."""
    request = context.get("request")
    url = story.get_url(request)
    edition = getattr(context.get("page"), "edition", None)
    if edition is not None and not story.path.startswith(edition.path):
        url = f"{url}?{urlencode({EDITION_PARAM: edition.slug})}"
    return url


@register.filter
def readers_may_see(story) -> bool:
    """`{% if story|readers_may_see %}`: a linked story (a plain page will do) readers may open."""
    return story_visible_to_readers(story.pk)
