"""Editing an edition's front page as an editor does, in the page editor."""

from __future__ import annotations

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data


def edit_url(edition) -> str:
    return reverse("wagtailadmin_pages:edit", args=(edition.pk,))


def front_page_form(edition, *, lead_story=None, top_stories=(), featured_topics=()) -> dict:
    """The edition page's editor form as the browser posts it to publish this front page."""
    data = nested_form_data(
        {
            "title": edition.title,
            "slug": edition.slug,
            "tagline": edition.tagline,
            "language": edition.language,
            "time_zone": edition.time_zone,
            "lead_story": lead_story.pk if lead_story else "",
            "top_story_slots": inline_formset([{"story": story.pk} for story in top_stories]),
            "featured_topics": inline_formset([{"topic": topic.pk} for topic in featured_topics]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data["action-publish"] = "publish"
    return data
