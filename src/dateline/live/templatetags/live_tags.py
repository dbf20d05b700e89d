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


@register.simple_tag
def blogs_postable_by(user) -> list:
    """`{% blogs_postable_by request.user as blogs %}`: open live blogs the user may post in,
    for other apps' screens (the wire's "Post to a live blog")."""
    from dateline.live.actions import can_post
    from dateline.live.models import LiveBlogPage

    blogs = LiveBlogPage.objects.open().order_by("-first_published_at").select_related("live_state")
    return [blog for blog in blogs if can_post(user, blog)]
