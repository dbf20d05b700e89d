"""The wire on other screens: `{% load wire_tags %}`."""

from __future__ import annotations

from django import template

from dateline.wire.access import may_read_wire
from dateline.wire.views import recent_flashes

register = template.Library()


@register.inclusion_tag("wire/admin/flashes.html", takes_context=True)
def wire_flashes(context, story):
    """Flashes (urgency 1) of the last hours that concern the story's edition, kept
    up to date without a reload: the live desk announces them."""
    user = context["request"].user
    edition = getattr(story, "edition", None)
    if not may_read_wire(user):
        return {"shown": False}
    return {
        "shown": True,
        "edition": edition,
        "flashes": list(recent_flashes(user, edition)[:10]),
    }
