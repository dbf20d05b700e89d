from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from dateline.editions.models import HomePage
from dateline.lib.absolute import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_chrome(context, page):
    """What the head and the edition switcher need: canonical URL and alternates."""
    request = context["request"]
    alternates = page.edition_alternates(request) if hasattr(page, "edition_alternates") else []
    home = HomePage.objects.live().first()
    # Pages outside the content tree (sign-in, account) are their own canonical URL.
    url = page.get_url(request) if page else request.path
    return {
        "canonical": absolute_url(request, url),
        "alternates": [(edition, absolute_url(request, url)) for edition, url in alternates],
        "x_default": absolute_url(request, home.get_url(request) if home else "/"),
        "current_edition": getattr(page, "edition", None),
    }


@register.filter
def json_ld(data) -> str:
    """Serialises structured data for a <script type="application/ld+json"> element.

    <, > and & are escaped so that no string in the data can close the element.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)
