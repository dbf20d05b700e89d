"""Filling in Wagtail's page editor as an editor does, and letting a scheduled time pass."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def article_form(**overrides) -> dict:
    fields = {
        "title": "Storm cuts power to 200,000 homes",
        "slug": "storm-cuts-power",
        "standfirst": "Three districts evacuated.",
        "dateline_place": "Puerto Valdemar",
        "lead_image_caption": "",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>First paragraph.</p>")),
                ("subhead", "Evacuations"),
            ]
        ),
        "bylines": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "comments_mode": "post",
    }
    fields.update(overrides)
    return nested_form_data(fields)


def add_url(edition):
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", edition.pk))


def time_passes_beyond(revision):
    """Moves the revision's scheduled time into the past, as if the hour had gone by."""
    past = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
