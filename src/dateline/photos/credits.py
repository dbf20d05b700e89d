"""A photo's credit, read from the metadata its photographer or agency embedded.

Agencies and cameras write the same facts twice: in IPTC's Information
Interchange Model (the JPEG's Photoshop segment) and in XMP (Dublin Core and
Photoshop's schema). Both are read, XMP first, through Pillow; XMP is parsed by
defusedxml (no external entities, no expansion bombs), as Pillow does when
defusedxml is installed.
"""

from __future__ import annotations

import contextlib
import logging
import re
from datetime import date
from typing import IO, Any, NamedTuple

from PIL import Image, IptcImagePlugin

log = logging.getLogger(__name__)

# IPTC IIM dataset numbers in record 2 (the application record).
IPTC_BYLINE = (2, 80)
IPTC_CREDIT = (2, 110)
IPTC_SOURCE = (2, 115)
IPTC_COPYRIGHT = (2, 116)
IPTC_CAPTION = (2, 120)
IPTC_DATE_CREATED = (2, 55)


class Credit(NamedTuple):
    photographer: str
    agency: str
    caption: str
    copyright: str
    date: date | None


NO_CREDIT = Credit("", "", "", "", None)


def credit_from_image(file: IO[bytes] | str) -> Credit:
    """(photographer, agency, caption, copyright, date) as the image states them;
    empty strings and None for what it does not. The file's position is restored."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        with Image.open(file) as image:
            xmp = _xmp(image)
            iptc = _iptc(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        log.info("No credit read from an image: %s", error)
        return NO_CREDIT
    finally:
        if position is not None:
            file.seek(position)
    photographer = xmp.get("creator") or iptc.get(IPTC_BYLINE, "")
    agency = (
        xmp.get("Credit")
        or iptc.get(IPTC_CREDIT, "")
        or xmp.get("Source")
        or iptc.get(IPTC_SOURCE, "")
    )
    return Credit(
        photographer=photographer[:120],
        agency=agency[:120],
        caption=(xmp.get("description") or iptc.get(IPTC_CAPTION, ""))[:500],
        copyright=xmp.get("rights") or iptc.get(IPTC_COPYRIGHT, ""),
        date=_date(xmp.get("DateCreated") or iptc.get(IPTC_DATE_CREATED, "")),
    )


def _iptc(image: Image.Image) -> dict[tuple[int, int], str]:
    try:
        records = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # Pillow raises what the bytes make it raise; no credit is no error
        return {}
    found = {}
    for key, value in records.items():
        if isinstance(value, list):
            value = b"; ".join(value)
        if isinstance(value, bytes):
            found[key] = _text(value)
    return found


def _text(value: bytes) -> str:
    for encoding in ("utf-8", "latin-1"):
        with contextlib.suppress(UnicodeDecodeError):
            return " ".join(value.decode(encoding).split())
    return ""


def _xmp(image: Image.Image) -> dict[str, str]:
    """The first Description's properties, each flattened to text (a list's
    items joined, a language alternative's first entry)."""
    try:
        tree = image.getxmp()
    except Exception:
        return {}
    found: dict[str, str] = {}
    for description in _descriptions(tree):
        for key, value in description.items():
            text = _flatten(value)
            if text and key not in found:
                found[key] = text
    return found


def _descriptions(tree: Any) -> list[dict]:
    try:
        descriptions = tree["xmpmeta"]["RDF"]["Description"]
    except (KeyError, TypeError):
        return []
    return descriptions if isinstance(descriptions, list) else [descriptions]


def _flatten(value: Any) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return "; ".join(filter(None, (_flatten(item) for item in value)))
    if isinstance(value, dict):
        for key in ("Seq", "Bag", "Alt", "li", "text"):
            if key in value:
                return _flatten(value[key])
    return ""


def _date(value: str) -> date | None:
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
