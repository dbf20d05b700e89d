"""Reading agency items: ninjs (1.x, 2.x, 3.x), NewsML-G2 (newsItem, packageItem,
newsMessage, with inline XHTML or NITF bodies), standalone NITF, RSS 2.0 and Atom.

Each format is read into one shape, `WireDocument`, so the rest of the wire app
never asks which format an item came in. XML is parsed by defusedxml, which
refuses document type declarations, entity expansion and external entities,
so an XML bomb or an external-entity read is an error, not a hang or a leak.
Nothing here touches the database.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.dateparse import parse_datetime

from dateline.lib.sanitize import clean_article_html, html_to_text
from dateline.lib.text import not_text

TYPES = ("text", "picture", "video", "audio", "graphic", "composite")


class UnreadableItem(ValueError):
    """An item (or a document) that cannot be taken, and why, in words a sender can act on.

    `status` is the HTTP status the API answers with: 400 malformed, 413 too large,
    415 an unknown format, 422 readable but incomplete.
    """

    def __init__(self, message: str, status: int = 422, guid: str = ""):
        super().__init__(message)
        self.status, self.guid = status, guid


@dataclass
class WirePhoto:
    href: str = ""
    data: bytes | None = None
    content_type: str = ""
    caption: str = ""
    photographer: str = ""
    agency: str = ""
    width: int | None = None
    height: int | None = None


@dataclass
class WireDocument:
    """One agency item as every format is read into."""

    guid: str
    headline: str
    format: str
    version: str = "1"
    type: str = "text"
    urgency: int | None = None
    language: str = ""
    standfirst: str = ""
    body_html: str = ""
    byline: str = ""
    located: str = ""
    credit_line: str = ""
    copyright: str = ""
    usage_terms: str = ""
    ednote: str = ""
    pubstatus: str = "usable"
    embargoed: datetime | None = None
    first_created: datetime | None = None
    version_created: datetime | None = None
    slugline: str = ""
    subjects: list[str] = field(default_factory=list)
    photos: list[WirePhoto] = field(default_factory=list)
    members: list[str] = field(default_factory=list)  # a package's items, by GUID
    source: str = ""  # the item as the agency sent it


@dataclass
class Outcome:
    """One item of a document: read, or refused with a reason."""

    document: WireDocument | None = None
    error: UnreadableItem | None = None


# Helpers ----------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return " ".join(value.split())


def _date(value) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        moment = parse_datetime(value.replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is None:
        try:
            moment = parsedate_to_datetime(value)  # RSS's RFC 822 dates
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def _urgency(value) -> int | None:
    try:
        urgency = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return urgency if 1 <= urgency <= 9 else None


def _plain_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)


def _check_document(doc: WireDocument) -> WireDocument:
    """An item needs a GUID and a headline; every string must be text."""
    if not doc.guid:
        raise UnreadableItem("The item has no GUID (ninjs `uri`, NewsML-G2 `guid`).")
    if not doc.headline:
        raise UnreadableItem(f"Item {doc.guid} has no headline.", guid=doc.guid)
    for name, value in vars(doc).items():
        if isinstance(value, str) and name != "source" and not_text(value):
            raise UnreadableItem(f"The {name} of item {doc.guid} {not_text(value)}.", 400, doc.guid)
    doc.guid, doc.version = doc.guid[:500], doc.version[:40]
    doc.headline = doc.headline[:500]
    return doc


# ninjs ------------------------------------------------------------------------


def _lower_keys(data: dict) -> dict:
    return {str(key).lower(): value for key, value in data.items()}


def ninjs_version(data: dict) -> str:
    """ninjs 1.x, 2.x or 3.x: its own `standard` (3.x) or `$schema` if it names one,
    otherwise its shape (3.x camel-cases, 2.x lists headlines and bodies)."""
    standard = data.get("standard")
    if isinstance(standard, dict) and str(standard.get("version", ""))[:1] in "123":
        return str(standard["version"])[:1]
    schema = str(data.get("$schema", ""))
    found = re.search(r"ninjs[-_]?schema[-_]?(\d)", schema) or re.search(r"/(\d)\.\d", schema)
    if found and found.group(1) in "123":
        return found.group(1)
    if any(key in data for key in ("versionCreated", "firstCreated", "pubStatus", "edNote")):
        return "3"
    if isinstance(data.get("renditions"), list) or isinstance(data.get("associations"), list):
        return "3"
    if any(key in data for key in ("headlines", "bodies", "descriptions")):
        return "2"
    return "1"


def _role_value(entries, *roles: str, fallback: bool = False) -> str:
    """The value of the first entry with one of `roles` (ninjs 2.x and 3.x lists
    of headlines, bodies and descriptions), else of the first entry if `fallback`."""
    if not isinstance(entries, list):
        return ""
    entries = [e for e in entries if isinstance(e, dict) and isinstance(e.get("value"), str)]
    for role in roles:
        for entry in entries:
            if str(entry.get("role", "")).lower() == role:
                return entry["value"]
    return entries[0]["value"] if entries and fallback else ""


def _ninjs_body(data: dict) -> str:
    for key in ("body_html", "body_xhtml"):
        if isinstance(data.get(key), str):
            return clean_article_html(data[key])
    if isinstance(data.get("body_text"), str):
        return _plain_to_html(data["body_text"])
    bodies = [
        _lower_keys(b) for b in data.get("bodies") or [] if isinstance(b, dict) and "value" in b
    ]
    if not bodies:
        return ""

    def rank(body: dict) -> int:
        kind = str(body.get("contenttype", "")).lower()
        return 0 if "html" in kind else 1 if "nitf" in kind else 2

    best = sorted(bodies, key=rank)[0]
    kind, value = str(best.get("contenttype", "")).lower(), str(best["value"])
    if "nitf" in kind:
        return _nitf_body(_parse_xml(value.encode()))[0]
    if "html" in kind or re.search(r"<[a-z][^>]*>", value):
        return clean_article_html(value)
    return _plain_to_html(value)


def _ninjs_renditions(data: dict) -> list[dict]:
    renditions = data.get("renditions") or []
    if isinstance(renditions, dict):  # 1.x and 2.x: a map from name to rendition
        renditions = [{"name": name, **r} for name, r in renditions.items() if isinstance(r, dict)]
    return [_lower_keys(r) for r in renditions if isinstance(r, dict) and r.get("href")]


def _best_rendition(renditions: list[dict]) -> dict | None:
    names = ("original", "main", "baseimage", "highres", "viewimage", "preview")
    for name in names:
        for rendition in renditions:
            if str(rendition.get("name", "")).lower() == name:
                return rendition

    def width(r):
        return r.get("width") if isinstance(r.get("width"), int) else 0

    return max(renditions, key=width, default=None)


def _ninjs_credit(data: dict) -> str:
    credit = _role_value(data.get("descriptions"), "creditline")
    if credit:
        return credit
    sources = data.get("infosources")
    if isinstance(sources, list) and sources and isinstance(sources[0], dict):
        return _text(sources[0].get("name"))
    return _text(data.get("copyrightholder"))


def _ninjs_photo(data: dict, credit: str) -> WirePhoto | None:
    rendition = _best_rendition(_ninjs_renditions(data))
    if rendition is None:
        return None
    caption = (
        _role_value(data.get("descriptions"), "caption", "summary")
        or data.get("description_text")
        or _headline_of(data)
    )
    return WirePhoto(
        href=str(rendition["href"])[:1000],
        content_type=_text(rendition.get("contenttype") or rendition.get("mimetype")),
        caption=_text(caption)[:500],
        photographer=_text(data.get("by") or data.get("byline"))[:120],
        agency=(_ninjs_credit(data) or credit)[:120],
        width=rendition.get("width") if isinstance(rendition.get("width"), int) else None,
        height=rendition.get("height") if isinstance(rendition.get("height"), int) else None,
    )


def _headline_of(data: dict) -> str:
    headline = data.get("headline")
    if isinstance(headline, str):
        return _text(headline)
    return _text(_role_value(data.get("headlines"), "main", fallback=True) or data.get("title"))


def _names(entries) -> list[str]:
    if not isinstance(entries, list):
        return []
    return [_text(e.get("name"))[:120] for e in entries if isinstance(e, dict) and e.get("name")]


def read_ninjs(data: dict, source: str = "") -> WireDocument:
    version = ninjs_version(data)
    data = _lower_keys(data)
    credit = _ninjs_credit(data)
    kind = _text(data.get("type")).lower()
    doc = WireDocument(
        guid=_text(data.get("uri") or data.get("guid")),
        headline=_headline_of(data),
        format=f"ninjs-{version}",
        version=_text(data.get("version")) or "1",
        type=kind if kind in TYPES else "text",
        urgency=_urgency(data.get("urgency")),
        language=_text(data.get("language"))[:35],
        body_html=_ninjs_body(data),
        byline=_text(data.get("by") or data.get("byline"))[:255],
        located=_text(data.get("located"))[:120],
        credit_line=credit[:255],
        copyright=_text(data.get("copyrightnotice"))[:500],
        usage_terms=_text(data.get("usageterms"))[:1000],
        ednote=_text(data.get("ednote"))[:1000],
        pubstatus=_text(data.get("pubstatus")).lower() or "usable",
        embargoed=_date(data.get("embargoed")),
        first_created=_date(data.get("firstcreated")),
        version_created=_date(data.get("versioncreated")),
        slugline=_text(data.get("slugline"))[:255],
        subjects=_names(data.get("subject")) + _names(data.get("subjects")),
        source=source,
    )
    standfirst = data.get("description_text") or _role_value(
        data.get("descriptions"), "summary", "abstract", "description"
    )
    if not standfirst and isinstance(data.get("description_html"), str):
        standfirst = html_to_text(clean_article_html(data["description_html"]))
    if doc.type != "picture":
        doc.standfirst = _text(standfirst)[:600]
    if doc.type == "picture":
        photo = _ninjs_photo(data, credit)
        doc.photos = [photo] if photo else []
        doc.standfirst = photo.caption if photo else ""
    associations = data.get("associations") or []
    if isinstance(associations, dict):
        associations = list(associations.values())
    for associated in associations:
        if isinstance(associated, dict) and str(associated.get("type", "picture")) == "picture":
            photo = _ninjs_photo(_lower_keys(associated), credit)
            if photo:
                doc.photos.append(photo)
    return _check_document(doc)


# XML --------------------------------------------------------------------------


def _parse_xml(data: bytes) -> Element:
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise UnreadableItem(
            f"The XML declares entities or a document type, which wire items may not "
            f"({type(error).__name__}).",
            400,
        ) from error
    except (ParseError, ValueError) as error:
        raise UnreadableItem(f"The XML is malformed: {error}.", 400) from error


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _find(element: Element | None, *path: str) -> Element | None:
    """The first descendant along `path` of local names (namespaces ignored)."""
    for name in path:
        if element is None:
            return None
        element = next((child for child in element if _local(child.tag) == name), None)
    return element


def _first(*elements: Element | None) -> Element | None:
    """The first that is not None (an Element without children is falsy)."""
    return next((e for e in elements if e is not None), None)


def _find_all(element: Element | None, name: str) -> list[Element]:
    return [] if element is None else [c for c in element if _local(c.tag) == name]


def _all_text(element: Element | None) -> str:
    return _text("".join(element.itertext())) if element is not None else ""


def _name_of(element: Element | None) -> str:
    """A concept's name: its <name> child, else its text, else its qcode or URI."""
    if element is None:
        return ""
    name = _find(element, "name")
    return (
        _all_text(name)
        or _all_text(element)
        or _text(element.get("qcode", "")).split(":")[-1]
        or _text(element.get("uri", ""))
    )


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# XHTML and NITF inline markup, to the article's allow-list.
_RENAME = {"hl2": "h2", "hl1": "h2", "em": "em", "strong": "strong", "bq": "blockquote"}


def _markup(element: Element) -> str:
    """An element's content as HTML, namespaces dropped, for the sanitiser."""
    parts = [html.escape(element.text or "")]
    for child in element:
        name = _RENAME.get(_local(child.tag), _local(child.tag))
        attrs = ""
        if name == "a" and child.get("href"):
            attrs = f' href="{html.escape(child.get("href"))}"'
        parts.append(f"<{name}{attrs}>{_markup(child)}</{name}>")
        parts.append(html.escape(child.tail or ""))
    return "".join(parts)


def _nitf_body(nitf: Element) -> tuple[str, dict]:
    """A NITF document's body as HTML, and what its head says (headline, byline, dateline)."""
    body = _find(nitf, "body") if _local(nitf.tag) == "nitf" else nitf
    head = _find(body, "body.head")
    byline = _find(head, "byline")
    facts = {
        "headline": _all_text(_find(head, "hedline", "hl1")),
        "byline": _text((byline.text or "") if byline is not None else ""),
        "located": _all_text(_find(head, "dateline", "location"))
        or _all_text(_find(head, "dateline")),
        "standfirst": _all_text(_find(head, "abstract")),
    }
    content = _find(body, "body.content")
    return (clean_article_html(_markup(content)) if content is not None else ""), facts


def _inline_body(content_set: Element | None) -> tuple[str, dict]:
    """The item's text: inline XHTML or NITF (inlineXML), or plain text (inlineData)."""
    for inline in _find_all(content_set, "inlineXML"):
        kind = inline.get("contenttype", "")
        for child in inline:
            if _local(child.tag) == "nitf" or "nitf" in kind:
                return _nitf_body(child)
            if _local(child.tag) == "html":
                return clean_article_html(_markup(_first(_find(child, "body"), child))), {}
        if len(inline):
            return clean_article_html(_markup(inline)), {}
    for inline in _find_all(content_set, "inlineData"):
        if inline.get("contenttype", "text/plain").startswith("text/"):
            return _plain_to_html(inline.text or ""), {}
    return "", {}


def _g2_photos(content_set: Element | None, doc: WireDocument) -> list[WirePhoto]:
    """The highest-resolution picture: remote (a link) or inline (base64)."""
    credit = dict(
        caption=doc.standfirst[:500], photographer=doc.byline[:120], agency=doc.credit_line[:120]
    )
    for inline in _find_all(content_set, "inlineData"):
        if inline.get("contenttype", "").startswith("image/"):
            try:
                data = base64.b64decode((inline.text or "").strip(), validate=False)
            except ValueError as error:
                raise UnreadableItem("The picture's inline data is not base64.", 400) from error
            return [WirePhoto(data=data, content_type=inline.get("contenttype"), **credit)]
    remotes = [r for r in _find_all(content_set, "remoteContent") if r.get("href")]
    ranked = sorted(remotes, key=lambda r: int(r.get("width", "0") or 0), reverse=True)
    for remote in ranked:
        if remote.get("rendition", "") in ("rnd:highRes", "rnd:print", "") or remote is ranked[0]:
            width, height = remote.get("width", ""), remote.get("height", "")
            return [
                WirePhoto(
                    href=remote.get("href", "").strip()[:1000],
                    content_type=remote.get("contenttype", ""),
                    width=int(width) if width.isdigit() else None,
                    height=int(height) if height.isdigit() else None,
                    **credit,
                )
            ]
    return []


def read_g2_item(item: Element, source: str = "", message_lang: str = "") -> WireDocument:
    """A NewsML-G2 newsItem or packageItem."""
    kind = _local(item.tag)
    meta, content = _find(item, "itemMeta"), _find(item, "contentMeta")
    rights = _find(item, "rightsInfo")
    item_class = (
        _find(meta, "itemClass").get("qcode", "") if _find(meta, "itemClass") is not None else ""
    )
    type_ = item_class.split(":")[-1] if ":" in item_class else "text"
    if kind == "packageItem":
        type_ = "composite"
    creators = _find_all(content, "creator")
    photographer = next(
        (c for c in creators if "photographer" in c.get("role", "")),
        creators[0] if creators else None,
    )
    descriptions = _find_all(content, "description")
    summary = next((d for d in descriptions if "caption" not in d.get("role", "")), None)
    caption = next((d for d in descriptions if "caption" in d.get("role", "")), None)
    language = _find(content, "language")
    provider = _find(meta, "provider")
    source_info = _find(content, "infoSource")
    pubstatus = _find(meta, "pubStatus")
    doc = WireDocument(
        guid=_text(item.get("guid")),
        headline=_all_text(_find(content, "headline")),
        format="newsml-g2",
        version=_text(item.get("version")) or "1",
        type=type_ if type_ in TYPES else "text",
        urgency=_urgency(_all_text(_find(content, "urgency"))),
        language=_text(
            (language.get("tag") if language is not None else "")
            or item.get(XML_LANG)
            or message_lang
        )[:35],
        standfirst=_all_text(summary)[:600],
        byline=", ".join(_name_of(c) for c in creators)[:255],
        located=_name_of(_find(content, "located"))[:120],
        credit_line=(
            _all_text(_find(content, "creditline"))
            or _name_of(_find(rights, "copyrightHolder"))
            or _name_of(provider)
            or _name_of(source_info)
        )[:255],
        copyright=_all_text(_find(rights, "copyrightNotice"))[:500],
        usage_terms=_all_text(_find(rights, "usageTerms"))[:1000],
        ednote=_all_text(_find(meta, "edNote"))[:1000],
        pubstatus=(pubstatus.get("qcode", "stat:usable") if pubstatus is not None else "")
        .split(":")[-1]
        .lower()
        or "usable",
        embargoed=_date(_all_text(_find(meta, "embargoed"))),
        first_created=_date(_all_text(_find(meta, "firstCreated"))),
        version_created=_date(_all_text(_find(meta, "versionCreated"))),
        slugline=_all_text(_find(content, "slugline"))[:255],
        subjects=[_name_of(s)[:120] for s in _find_all(content, "subject") if _name_of(s)],
        source=source,
    )
    content_set = _find(item, "contentSet")
    if type_ == "picture":
        if caption is not None:
            doc.standfirst = _all_text(caption)[:600]
        doc.byline = _name_of(photographer)[:255] if photographer is not None else doc.byline
        doc.photos = _g2_photos(content_set, doc)
    else:
        doc.body_html, facts = _inline_body(content_set)
        doc.headline = doc.headline or facts.get("headline", "")
        doc.byline = doc.byline or facts.get("byline", "")
        doc.located = doc.located or facts.get("located", "")[:120]
        doc.standfirst = doc.standfirst or facts.get("standfirst", "")[:600]
    if kind == "packageItem":
        refs = item.iter()
        titles = []
        for ref in refs:
            if _local(ref.tag) == "itemRef" and ref.get("residref"):
                doc.members.append(ref.get("residref")[:500])
                titles.append(_all_text(_find(ref, "title")))
        doc.headline = doc.headline or next((t for t in titles if t), "")
        if not doc.body_html:
            doc.body_html = "".join(f"<p>{html.escape(t)}</p>" for t in titles if t)
    return _check_document(doc)


def _read_nitf(root: Element, source: str) -> WireDocument:
    body, facts = _nitf_body(root)
    docdata = _find(root, "head", "docdata")
    doc_id = _find(docdata, "doc-id")
    urgency = _find(docdata, "urgency")
    version = _find(docdata, "du-key")
    return _check_document(
        WireDocument(
            guid=_text(doc_id.get("id-string") if doc_id is not None else ""),
            headline=facts["headline"] or _all_text(_find(root, "head", "title")),
            format="nitf",
            version=_text(version.get("version") if version is not None else "") or "1",
            urgency=_urgency(urgency.get("ed-urg") if urgency is not None else None),
            language=_text(root.get(XML_LANG) or "")[:35],
            standfirst=facts["standfirst"][:600],
            body_html=body,
            byline=facts["byline"][:255],
            located=facts["located"][:120],
            source=source,
        )
    )


def _read_feed(root: Element, source: str) -> list[Outcome]:
    """RSS 2.0 (and RSS 1.0) items, or Atom entries, as text items. An entry's
    version is when it was last updated, so a changed entry is a new version."""
    outcomes = []
    is_atom = _local(root.tag) == "feed"
    channel = root if is_atom else _first(_find(root, "channel"), root)
    feed_lang = root.get(XML_LANG) or _all_text(_find(channel, "language"))
    entries = (
        _find_all(channel, "entry")
        if is_atom
        else (_find_all(channel, "item") or _find_all(root, "item"))
    )
    for entry in entries:
        try:
            if is_atom:
                link = next(
                    (
                        lk.get("href")
                        for lk in _find_all(entry, "link")
                        if lk.get("rel", "alternate") == "alternate"
                    ),
                    "",
                )
                content = _find(entry, "content")
                updated = _all_text(_find(entry, "updated")) or _all_text(_find(entry, "published"))
                author = _all_text(_find(entry, "author", "name"))
                summary = _find(entry, "summary")
                guid = _all_text(_find(entry, "id")) or link
                photos = [
                    WirePhoto(href=lk.get("href")[:1000], content_type=lk.get("type", ""))
                    for lk in _find_all(entry, "link")
                    if lk.get("rel") == "enclosure"
                    and lk.get("type", "").startswith("image/")
                    and lk.get("href")
                ]
            else:
                link = _all_text(_find(entry, "link"))
                content = _first(_find(entry, "encoded"), _find(entry, "description"))
                updated = _all_text(_find(entry, "pubDate")) or _all_text(_find(entry, "date"))
                author = _all_text(_find(entry, "creator")) or _all_text(_find(entry, "author"))
                summary = _find(entry, "description")
                guid = _all_text(_find(entry, "guid")) or link
                photos = [
                    WirePhoto(href=e.get("url")[:1000], content_type=e.get("type", ""))
                    for e in entry
                    if _local(e.tag) in ("enclosure", "content")
                    and e.get("type", "image/").startswith("image/")
                    and e.get("url")
                ]
            moment = _date(updated)
            if content is None:
                body = ""
            else:  # escaped HTML (RSS, Atom type="html"), or XHTML elements (type="xhtml")
                body = _markup(content) if len(content) else (content.text or "")
            summary_text = (
                html_to_text(clean_article_html(summary.text or "")) if summary is not None else ""
            )
            doc = WireDocument(
                guid=guid,
                headline=html_to_text(clean_article_html(_all_text(_find(entry, "title")))),
                format="atom" if is_atom else "rss",
                version=str(round(moment.timestamp())) if moment else "1",
                language=_text(feed_lang)[:35],
                standfirst=_text(summary_text)[:600] if content is not summary else "",
                body_html=clean_article_html(body) if body else "",
                byline=author[:255],
                version_created=moment,
                first_created=moment,
                photos=photos,
                source=tostring(entry, encoding="unicode")[:200_000],
            )
            outcomes.append(Outcome(_check_document(doc)))
        except UnreadableItem as error:
            outcomes.append(Outcome(error=error))
    if not entries:
        outcomes.append(Outcome(error=UnreadableItem("The feed has no items.", 422)))
    return outcomes


# Documents --------------------------------------------------------------------


def _read_xml(data: bytes, text: str) -> list[Outcome]:
    root = _parse_xml(data)
    kind = _local(root.tag)
    if kind in ("newsItem", "packageItem"):
        return [Outcome(read_g2_item(root, text))]
    if kind == "newsMessage":
        outcomes = []
        lang = root.get(XML_LANG, "")
        items = [
            child
            for item_set in _find_all(root, "itemSet")
            for child in item_set
            if isinstance(child.tag, str)
        ]
        for item in items:
            source = tostring(item, encoding="unicode")
            try:
                if _local(item.tag) not in ("newsItem", "packageItem"):
                    raise UnreadableItem(
                        f"A {_local(item.tag)} is not a news item; only newsItem and "
                        "packageItem are taken.",
                        422,
                        _text(item.get("guid")),
                    )
                outcomes.append(Outcome(read_g2_item(item, source, lang)))
            except UnreadableItem as error:
                outcomes.append(Outcome(error=error))
        if not items:
            outcomes.append(Outcome(error=UnreadableItem("The newsMessage holds no items.")))
        return outcomes
    if kind == "nitf":
        return [Outcome(_read_nitf(root, text))]
    if kind in ("rss", "RDF", "feed"):
        return _read_feed(root, text)
    raise UnreadableItem(
        f"A <{kind}> document is not a format Dateline reads: send ninjs (JSON), "
        "NewsML-G2 (newsItem, packageItem, newsMessage), NITF, RSS or Atom.",
        415,
    )


def _read_json(text: str) -> list[Outcome]:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise UnreadableItem(f"The JSON is malformed: {error}.", 400) from error
    items = data if isinstance(data, list) else [data]
    outcomes = []
    for item in items:
        try:
            if not isinstance(item, dict):
                raise UnreadableItem("A ninjs item is a JSON object.", 400)
            outcomes.append(Outcome(read_ninjs(item, json.dumps(item, ensure_ascii=False))))
        except UnreadableItem as error:
            outcomes.append(Outcome(error=error))
    if not items:
        outcomes.append(Outcome(error=UnreadableItem("The list holds no items.", 422)))
    return outcomes


def read_document(
    data: bytes, max_bytes: int, name: str = "", *, in_zip: bool = False
) -> list[Outcome]:
    """Every item in a document as an agency sends it (or a ZIP of such documents).

    A document that cannot be read at all raises UnreadableItem; a document of
    several items (a newsMessage, a feed, a ZIP) answers one Outcome per item,
    so one bad item never holds up the others.
    """
    if len(data) > max_bytes:
        raise UnreadableItem(
            f"The item is {len(data):,} bytes; the limit is {max_bytes:,} "
            "(DATELINE_WIRE_ITEM_MAX_KB).",
            413,
        )
    if data[:4] == b"PK\x03\x04":
        if in_zip:
            raise UnreadableItem(f"{name} is a ZIP inside a ZIP, which is not taken.", 413)
        return _read_zip(data, max_bytes, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    start = (text or "").lstrip()[:1]
    if start in ("{", "["):
        return _read_json(text)
    if start == "<" or data.lstrip()[:1] == b"<":
        return _read_xml(data, text or data.decode("latin-1"))
    raise UnreadableItem(
        f"{name or 'The document'} is neither JSON nor XML: send ninjs, NewsML-G2, NITF, "
        "RSS or Atom.",
        415,
    )


ZIP_MAX_MEMBERS = 500
ZIP_MAX_RATIO = 100  # no agency text or picture compresses better than this


def _read_zip(data: bytes, max_bytes: int, name: str) -> list[Outcome]:
    """The items of a ZIP, each member read with the same size limit; a ZIP bomb
    (too many members, too much unpacked, a ratio no real item has) is refused
    before anything is unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, ValueError) as error:
        raise UnreadableItem(f"The ZIP archive is damaged: {error}.", 400) from error
    total = sum(m.file_size for m in members)
    if len(members) > ZIP_MAX_MEMBERS or total > max_bytes * 20:
        raise UnreadableItem(
            f"The ZIP unpacks to {len(members)} files and {total:,} bytes: too many to take.", 413
        )
    outcomes = []
    for member in members:
        if member.file_size > max(member.compress_size, 1) * ZIP_MAX_RATIO or (
            member.file_size > max_bytes
        ):
            outcomes.append(
                Outcome(error=UnreadableItem(f"{member.filename} unpacks too large.", 413))
            )
            continue
        if not member.filename.lower().endswith((".json", ".xml", ".nitf", ".rss", ".atom")):
            continue
        try:
            with archive.open(member) as handle:
                content = handle.read(max_bytes + 1)
            outcomes.extend(read_document(content, max_bytes, member.filename, in_zip=True))
        except UnreadableItem as error:
            outcomes.append(Outcome(error=error))
        except (zipfile.BadZipFile, RuntimeError, OSError) as error:
            outcomes.append(Outcome(error=UnreadableItem(f"{member.filename}: {error}", 400)))
    return outcomes
