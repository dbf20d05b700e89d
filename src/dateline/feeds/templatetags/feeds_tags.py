from __future__ import annotations

from django import template

from dateline.feeds.links import feed_links_of

register = template.Library()


@register.inclusion_tag("feeds/_links.html", takes_context=True)
def feed_links(context, page) -> dict:
    """<link rel="alternate"> elements for the feeds a page belongs to."""
    return {"links": feed_links_of(context["request"], page)}
