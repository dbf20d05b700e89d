from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.safestring import mark_safe

from dateline.editions.models import home_page
from dateline.lib.absolute import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_chrome(context, page) -> dict:
    """What the head and the edition switcher need: canonical URL, alternates and
    what social cards show (description, locale, share image)."""
    request = context["request"]
    alternates = page.edition_alternates(request) if hasattr(page, "edition_alternates") else []
    home = home_page()
    # Pages outside the content tree (sign-in, account) are their own canonical URL.
    url = page.get_url(request) if page else request.path
    current = getattr(page, "edition", None)
    language = current.language if current else translation.get_language()
    image = getattr(page, "share_image", None)
    return {
        "canonical": absolute_url(request, url),
        "alternates": [(edition, absolute_url(request, url)) for edition, url in alternates],
        "x_default": absolute_url(request, home.get_url(request) if home else "/"),
        "current_edition": current,
        "description": getattr(page, "meta_description", None)
        or getattr(page, "search_description", ""),
        # Open Graph writes locales as language_TERRITORY: es_CL, en_US.
        "locale": translation.to_locale(language),
        "image": _share_image(request, page, image) if image else None,
    }


def _share_image(request, page, rendition) -> dict:
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": page.lead_image.default_alt_text,
    }


@register.filter
def json_ld(data) -> str:
    """Serialises structured data for a <script type="application/ld+json"> element.

    <, > and & are escaped so that no string in the data can close the element.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)
