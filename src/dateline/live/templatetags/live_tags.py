"""Live coverage on other pages: `{% load live_tags %}`."""

from __future__ import annotations

from django import template

from dateline.live import coverage

register = template.Library()


@register.simple_tag
def live_coverage_of(article):
    """`{% live_coverage_of page as live_coverage %}`: the article's open live blog."""
    return coverage.coverage_of(article)


@register.simple_tag
def topic_coverage(topic) -> dict:
    """`{% topic_coverage page as coverage %}`: `.live_coverage` and `.stories`."""
    return coverage.topic_hub(topic)
