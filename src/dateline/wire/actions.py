"""Making stories and live posts from wire items.

A story is filed as a draft through `articles.actions.check_create_story`; a
live post is kept as a draft by `live.actions.check_save_draft`, called by the
door above both apps (the API), which records it here (`do_note_live_draft`).
Nothing from a wire reaches readers until an editor publishes it.
"""

from __future__ import annotations

import html

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import Truncator, slugify
from wagtail.coreutils import find_available_slug

from dateline.articles import actions as article_actions
from dateline.articles.models import ArticlePage, Author, StoryByline
from dateline.editions.access import editions_written_by
from dateline.editions.models import EditionPage
from dateline.lib.sanitize import html_to_text

from .models import WireItem, WireStory

_INLINE = {"strong": "b", "em": "i"}


def _rich_text(element) -> str:
    """A block's content in the rich text format of an article's paragraphs."""
    for tag in element.find_all(list(_INLINE)):
        tag.name = _INLINE[tag.name]
    for tag in element.find_all(["cite", "q"]):
        tag.unwrap()
    return element.decode_contents().strip()


def body_blocks(body_html: str) -> list[dict]:
    """An item's (sanitised) body as an article's blocks: paragraphs, subheads, quotes."""
    soup = BeautifulSoup(body_html, "html.parser")
    blocks = []
    for element in soup.find_all(recursive=False):
        text = element.get_text(" ", strip=True)
        if not text:
            continue
        if element.name in ("h2", "h3", "h4"):
            blocks.append({"type": "subhead", "value": text[:255]})
        elif element.name == "blockquote":
            blocks.append({"type": "quote", "value": {"text": text, "speaker": ""}})
        elif element.name in ("ul", "ol"):
            blocks.append({"type": "paragraph", "value": str(element)})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{_rich_text(element)}</p>"})
    loose = " ".join(soup.find_all(string=True, recursive=False)).strip()
    if loose:
        blocks.insert(0, {"type": "paragraph", "value": f"<p>{html.escape(loose)}</p>"})
    return blocks


def gathered(item: WireItem) -> list[WireItem]:
    """The item, and for a package the items it holds that Dateline has, in order."""
    if item.type != WireItem.Type.COMPOSITE or not item.members:
        return [item]
    held = {m.guid: m for m in WireItem.objects.filter(guid__in=item.members)}
    return [item, *(held[guid] for guid in item.members if guid in held)]


def _byline_author(item: WireItem) -> Author:
    name = item.byline.removeprefix("By ").removeprefix("by ").strip() or item.credit
    role = item.credit if name != item.credit else ""
    author, _created = Author.objects.get_or_create(name=name[:120], role=role[:120])
    return author


def _standfirst(item: WireItem) -> str:
    text = item.standfirst or html_to_text(item.body_html).split("\n")[0] or item.headline
    return Truncator(text).chars(600)


def story_from_item(item: WireItem, edition: EditionPage) -> ArticlePage:
    """An unsaved draft article with the item's anatomy. A package's story takes
    its text from the first text item it holds, and the pictures of all of them."""
    items = gathered(item)
    members = items[1:] or items
    lead = next((i for i in members if i.body_html and i.type != WireItem.Type.PICTURE), item)
    photos = [photo for i in items for photo in i.photos.all()]
    blocks = body_blocks(lead.body_html)
    blocks += [{"type": "image", "value": {"image": p.pk, "caption": ""}} for p in photos[1:]]
    if not blocks:
        blocks = [{"type": "paragraph", "value": f"<p>{html.escape(_standfirst(lead))}</p>"}]
    slug = find_available_slug(edition, slugify(item.headline)[:80] or "wire")
    story = ArticlePage(
        title=item.headline[:255],
        slug=slug,
        standfirst=_standfirst(lead),
        dateline_place=lead.located[:120],
        lead_image=photos[0] if photos else None,
        lead_image_caption=(photos[0].caption if photos else "")[:500],
        body=blocks,
    )
    story.bylines.add(StoryByline(author=_byline_author(lead)))
    return story


def check_create_story(item: WireItem, edition: EditionPage, user) -> ArticlePage:
    """Files a draft article from the item in `edition`, where `user` must write."""
    if edition not in editions_written_by(user):
        raise PermissionDenied(f"You may not write in {edition.title}.")
    with transaction.atomic():
        story = article_actions.check_create_story(edition, story_from_item(item, edition), user)
        WireStory.objects.create(item=item, story=story, version=item.version, made_by=user)
    return story


def post_text(item: WireItem) -> str:
    """A live post's text from the item: headline, its first paragraphs, the credit."""
    paragraphs = [item.headline]
    body = html_to_text(item.body_html).split("\n") if item.body_html else [item.standfirst]
    paragraphs += [p for p in body[:3] if p]
    paragraphs.append(f"({item.credit})")
    return Truncator("\n\n".join(paragraphs)).chars(settings.LIVE_POST_MAX_CHARS - 20)


def first_photo(item: WireItem):
    return next((p for i in gathered(item) for p in i.photos.all()), None)


def do_note_live_draft(item: WireItem, draft, user) -> WireStory:
    """Records that a live post's draft (`live.actions.check_save_draft`, called by
    the door that made it, in the same transaction) came from the item."""
    return WireStory.objects.create(
        item=item, live_draft_id=draft.pk, version=item.version, made_by=user
    )
