"""Reading a WordPress export (WXR: RSS 2.0 with WordPress's own elements).

The file is read as a stream (iterparse), so a site of a hundred thousand posts
never sits in memory whole, and through defusedxml: a document that declares a
DTD, entities or external references is refused before anything is read from
it. A WordPress export never declares any.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

WP_NAMESPACE_PREFIX = "http://wordpress.org/export/"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


class NotAnExport(Exception):
    """The file is not a WordPress export that can be read; the message says why and what to do."""


@dataclass
class WxrItem:
    post_id: int
    post_type: str
    status: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    post_name: str
    post_date_gmt: str
    parent: int
    attachment_url: str
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # domain, slug, name
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """What identifies the post across exports of the same site."""
        return self.guid or f"post:{self.post_id}"


@dataclass
class WxrSite:
    base_url: str = ""
    version: str = ""
    authors: dict[str, str] = field(default_factory=dict)  # login → display name
    terms: dict[tuple[str, str], str] = field(default_factory=dict)  # (domain, slug) → name
    post_count: int = 0
    attachments: dict[int, WxrItem] = field(default_factory=dict)


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _is_wp(tag: str) -> bool:
    return tag.startswith("{" + WP_NAMESPACE_PREFIX) and "/excerpt/" not in tag


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _item(element: Element) -> WxrItem:
    values: dict[str, str] = {}
    categories = []
    meta = {}
    for child in element:
        namespace, local = _split(child.tag)
        if child.tag == CONTENT:
            values["content"] = child.text or ""
        elif namespace.startswith(WP_NAMESPACE_PREFIX) and namespace.endswith("/excerpt/"):
            values["excerpt"] = child.text or ""
        elif child.tag == DC_CREATOR:
            values["creator"] = _text(child)
        elif child.tag == "category":
            categories.append((child.get("domain", ""), child.get("nicename", ""), _text(child)))
        elif _is_wp(child.tag) and local == "postmeta":
            keys = {_split(part.tag)[1]: (part.text or "") for part in child}
            meta[keys.get("meta_key", "")] = keys.get("meta_value", "")
        elif not namespace or _is_wp(child.tag):
            values[local] = child.text or ""

    def number(name: str) -> int:
        try:
            return int(values.get(name, "") or 0)
        except ValueError:
            return 0

    return WxrItem(
        post_id=number("post_id"),
        post_type=values.get("post_type", "").strip(),
        status=values.get("status", "").strip(),
        title=values.get("title", "").strip(),
        link=values.get("link", "").strip(),
        guid=values.get("guid", "").strip(),
        creator=values.get("creator", ""),
        content=values.get("content", ""),
        excerpt=values.get("excerpt", ""),
        post_name=values.get("post_name", "").strip(),
        post_date_gmt=values.get("post_date_gmt", "").strip(),
        parent=number("post_parent"),
        attachment_url=values.get("attachment_url", "").strip(),
        categories=categories,
        meta=meta,
    )


def read_items(path: Path, site: WxrSite | None = None) -> Iterator[WxrItem]:
    """Every <item> in the export, in order; fills `site` with the channel's
    authors, categories and tags as it goes. Raises NotAnExport."""
    depth = 0
    seen_root = False
    try:
        for event, element in iterparse(
            str(path), events=("start", "end"), forbid_dtd=True, forbid_entities=True
        ):
            if event == "start":
                depth += 1
                if depth == 1:
                    seen_root = True
                    if element.tag != "rss":
                        raise NotAnExport(
                            f"{path} is XML but not an RSS document (its root is "
                            f"<{_split(element.tag)[1]}>): export the site from WordPress's "
                            "Tools → Export screen and give that file."
                        )
                continue
            depth -= 1
            if depth == 2 and element.tag == "item":
                yield _item(element)
                element.clear()
            elif depth == 2 and site is not None and _is_wp(element.tag):
                _channel_element(site, element)
            elif depth == 2 and element.tag != "item" and element.tag != "channel":
                continue
            if depth <= 1:
                element.clear()
    except DefusedXmlException as error:
        raise NotAnExport(
            f"{path} declares a DTD, entities or external references ({type(error).__name__}), "
            "which a WordPress export never does; it was refused unread. Export the site "
            "again from WordPress's Tools → Export screen."
        ) from None
    except ParseError as error:
        raise NotAnExport(
            f"{path} is not well-formed XML ({error}); the export may be cut short. "
            "Export the site again from WordPress's Tools → Export screen."
        ) from None
    if not seen_root:
        raise NotAnExport(f"{path} is empty: give a WordPress export (WXR) file.")


def _channel_element(site: WxrSite, element: Element) -> None:
    local = _split(element.tag)[1]
    if local == "wxr_version":
        site.version = _text(element)
    elif local == "base_site_url":
        site.base_url = _text(element)
    elif local == "author":
        parts = {_split(child.tag)[1]: _text(child) for child in element}
        login = parts.get("author_login", "")
        site.authors[login] = parts.get("author_display_name") or login
    elif local in {"category", "tag", "term"}:
        parts = {_split(child.tag)[1]: _text(child) for child in element}
        if local == "category":
            domain, slug, name = "category", parts.get("category_nicename"), parts.get("cat_name")
        elif local == "tag":
            domain, slug, name = "post_tag", parts.get("tag_slug"), parts.get("tag_name")
        else:
            domain, slug, name = (
                parts.get("term_taxonomy"),
                parts.get("term_slug"),
                parts.get("term_name"),
            )
        if domain in {"category", "post_tag"} and slug:
            site.terms[(domain, slug)] = name or slug
    element.clear()


def survey(path: Path) -> WxrSite:
    """Reads the whole export once before anything is stored: a file that is not
    a well-formed WordPress export is refused whole, and nothing is half-stored.
    Keeps the channel's authors and terms, the attachments, and counts the posts."""
    site = WxrSite()
    for item in read_items(path, site):
        if item.post_type == "attachment":
            site.attachments[item.post_id] = item
        elif item.post_type == "post":
            site.post_count += 1
    if not site.version:
        raise NotAnExport(
            f"{path} is an RSS feed, not a WordPress export (it has no wp:wxr_version). "
            "Export the site from WordPress's Tools → Export screen, with All content."
        )
    return site
