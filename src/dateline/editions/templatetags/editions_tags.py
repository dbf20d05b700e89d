from __future__ import annotations

import json
from urllib.parse import urlencode

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from dateline.editions.models import home_page
from dateline.lib.absolute import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_chrome(context, page) -> dict:
    """What the head and the edition switcher need: canonical URL, alternates and
    what social cards show (description, locale, share image)."""
    request = context["request"]
    switcher = page.edition_alternates(request) if hasattr(page, "edition_alternates") else []
    alternates = (
        page.language_alternates(request) if hasattr(page, "language_alternates") else switcher
    )
    home = home_page()
    # Pages outside the content tree (sign-in, account) are their own canonical URL.
    url = page.get_url(request) if page else request.path
    # The page is in its edition's language; the reader may be in another edition
    # that runs it (a circulated story), whose chrome they keep. Account pages
    # belong to no edition's tree: they speak the reader's (dateline.accounts.editions).
    own = getattr(page, "edition", None) or getattr(request, "reader_edition", None)
    current = page.reader_edition(request) if hasattr(page, "reader_edition") else own
    language = own.language if own else translation.get_language()
    image = getattr(page, "share_image", None)
    return {
        "canonical": absolute_url(request, url),
        "alternates": [(edition, absolute_url(request, url)) for edition, url in alternates],
        "switcher": switcher,
        "x_default": absolute_url(request, home.get_url(request) if home else "/"),
        "current_edition": current,
        "next_query": _next_query(request, page),
        "language": language,
        "description": getattr(page, "meta_description", None)
        or getattr(page, "search_description", ""),
        # Open Graph writes locales as language_TERRITORY: es_CL, en_US.
        "locale": translation.to_locale(language),
        "image": _share_image(request, page, image) if image else None,
    }


def _next_query(request, page) -> str:
    """`?next=…` for account links: back to this page or, on an account page,
    to the page the reader came from."""
    back = request.get_full_path() if page else request.GET.get("next", "")
    return f"?{urlencode({'next': back})}" if back else ""


def _share_image(request, page, rendition) -> dict:
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": page.lead_image.default_alt_text,
    }


@register.filter(is_safe=True)
def with_publisher(title, publisher) -> str:
    """A page's <title>: "Headline | Dateline", or the publisher's name alone on a
    page that bears it (the home page) or has no title of its own."""
    title = str(title).strip()
    publisher = conditional_escape(publisher or "")
    if not title or title == publisher or not publisher:
        return mark_safe(title or publisher)
    # The title comes rendered, and so escaped, from the template.
    return mark_safe(f"{title} | {publisher}")


@register.filter
def json_ld(data) -> str:
    """Serialises structured data for a <script type="application/ld+json"> element.

    <, > and & are escaped so that no string in the data can close the element.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)
