"""Taking items in: from a push, a feed, a folder or the command line.

Every door ends in `receive_document`, which reads a document (`formats`) and
stores each of its items in a transaction of its own (`do_receive`): an item is
stored whole or not at all, and one bad item never holds up the others. A
newer version of an item Dateline holds updates it, keeps the version, and
flags the stories made from it.

`poll_provider(provider)` is the job a scheduler runs for feeds and folders;
`manage.py poll_wire` runs it from the command line.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from dateline.photos.models import Photo

from .formats import UnreadableItem, WireDocument, WirePhoto, read_document
from .models import Provider, WireItem, WireItemVersion, WireStory

PUSH_PROVIDER = "api"
COMMAND_LINE_PROVIDER = "command-line"


@dataclass
class Received:
    """What became of one item: created, updated, unchanged (a version already
    held, or older), or refused (with the reason)."""

    outcome: str
    item: WireItem | None = None
    error: UnreadableItem | None = None


@dataclass
class Report:
    received: list[Received] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.received if r.outcome == outcome)

    @classmethod
    def refused(cls, reason: str, status: int = 422) -> Report:
        return cls([Received("refused", error=UnreadableItem(reason, status))])

    @property
    def errors(self) -> list[str]:
        return [str(r.error) for r in self.received if r.error]


def default_provider(slug: str) -> Provider:
    names = {PUSH_PROVIDER: "Pushed items", COMMAND_LINE_PROVIDER: "Imported items"}
    provider, _created = Provider.objects.get_or_create(
        slug=slug, defaults={"name": names.get(slug, slug), "kind": Provider.Kind.PUSH}
    )
    return provider


def is_newer(doc: WireDocument, item: WireItem) -> bool:
    """Whether `doc` is a newer version than the one held: by version number when
    both are numbers (NewsML-G2, most ninjs), else by when each was created."""
    if doc.version == item.version:
        return False
    if doc.version.isdigit() and item.version.isdigit():
        return int(doc.version) > int(item.version)
    if doc.version_created and item.version_created:
        return doc.version_created > item.version_created
    return True


def _photo_bytes(photo: WirePhoto, base_dir: Path | None) -> bytes | None:
    """The picture's bytes if the item carried them, or they lie beside it in the
    folder it came from (never outside that folder); None for a remote link."""
    if photo.data is not None:
        return photo.data
    href = photo.href.removeprefix("file://").strip()
    if base_dir is None or not href or urlsplit(href).scheme:
        return None
    path = (base_dir / href.lstrip("/")).resolve()
    if not path.is_relative_to(base_dir.resolve()) or not path.is_file():
        return None
    if path.stat().st_size > settings.WIRE_ITEM_MAX_BYTES * 10:
        raise UnreadableItem(f"The picture {href} is too large to take.", 413)
    return path.read_bytes()


def _store_photo(photo: WirePhoto, data: bytes, doc: WireDocument) -> Photo:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind = (image.format or "jpeg").lower()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise UnreadableItem(
            f"A picture of item {doc.guid} is not an image it can read."
        ) from error
    stored = Photo(
        title=(photo.caption or doc.headline)[:255],
        caption=photo.caption[:500],
        photographer=photo.photographer[:120],
        agency=photo.agency[:120],
    )
    stored.file = ImageFile(
        io.BytesIO(data), name=f"wire-{hashlib.sha1(doc.guid.encode()).hexdigest()[:12]}.{kind}"
    )
    stored.save()
    return stored


def do_receive(provider: Provider, doc: WireDocument, base_dir: Path | None = None) -> Received:
    """Stores one item, or a newer version of one, in one transaction."""
    with transaction.atomic():
        item = WireItem.objects.select_for_update().filter(guid=doc.guid).first()
        if item is not None and not is_newer(doc, item):
            return Received("unchanged", item)
        now = timezone.now()
        photos, remote = [], []
        for photo in doc.photos:
            data = _photo_bytes(photo, base_dir)
            if data is None:
                remote.append(
                    {
                        "href": photo.href,
                        "caption": photo.caption,
                        "photographer": photo.photographer,
                        "agency": photo.agency,
                        "width": photo.width,
                        "height": photo.height,
                    }
                )
            else:
                photos.append(_store_photo(photo, data, doc))
        fields = {
            name: getattr(doc, name)
            for name in (
                "version",
                "format",
                "type",
                "urgency",
                "language",
                "headline",
                "standfirst",
                "body_html",
                "byline",
                "located",
                "credit_line",
                "copyright",
                "usage_terms",
                "ednote",
                "pubstatus",
                "embargoed",
                "first_created",
                "version_created",
                "slugline",
                "subjects",
                "members",
            )
        }
        created = item is None
        if created:
            item = WireItem.objects.create(
                provider=provider,
                guid=doc.guid,
                renditions=remote,
                received_at=now,
                updated_at=now,
                **fields,
            )
        else:
            for name, value in fields.items():
                setattr(item, name, value)
            item.renditions, item.updated_at = remote, now
            item.received_at = now  # a new version comes back to the top of the wire
            item.save()
            WireStory.objects.filter(item=item).update(agency_updated=True)
        item.photos.set(photos)
        WireItemVersion.objects.create(
            item=item,
            version=doc.version,
            format=doc.format,
            headline=doc.headline,
            source=doc.source,
            received_at=now,
        )
    return Received("created" if created else "updated", item)


def receive_document(
    provider: Provider, data: bytes, name: str = "", base_dir: Path | None = None
) -> Report:
    """Every item of a document (a ZIP, a newsMessage, a feed or one item).

    Raises UnreadableItem if the document as a whole cannot be read.
    """
    report = Report()
    for outcome in read_document(data, settings.WIRE_ITEM_MAX_BYTES, name):
        if outcome.error:
            report.received.append(Received("refused", error=outcome.error))
            continue
        try:
            report.received.append(do_receive(provider, outcome.document, base_dir))
        except UnreadableItem as error:
            report.received.append(Received("refused", error=error))
    return report


# Feeds and folders --------------------------------------------------------------


class FetchError(Exception):
    """A feed that could not be fetched: why, in words for the provider's page."""


def fetch(url: str, max_bytes: int | None = None, timeout: int | None = None) -> bytes:
    """The document at an http(s) URL, within a total time and size."""
    max_bytes = max_bytes or settings.WIRE_ITEM_MAX_BYTES
    timeout = timeout or settings.WIRE_FETCH_TIMEOUT
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"{url} is not an http or https address.")
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": "Dateline wire ingest"})
    chunks, size = [], 0
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            while chunk := response.read(64 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url} sent more than {max_bytes:,} bytes.")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url} did not answer within {timeout} seconds.")
    except urllib.error.HTTPError as error:
        raise FetchError(f"{url} answered {error.code} {error.reason}.") from error
    except (TimeoutError, urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FetchError(f"{url} did not answer within {timeout} seconds.") from error
        raise FetchError(f"{url} could not be reached: {reason}.") from error
    return b"".join(chunks)


def _note(provider: Provider, error: str = "") -> None:
    provider.last_polled_at = timezone.now()
    provider.last_error = error
    provider.last_error_at = provider.last_polled_at if error else provider.last_error_at
    provider.save(update_fields=["last_polled_at", "last_error", "last_error_at"])


def _poll_feed(provider: Provider) -> Report:
    report = receive_document(provider, fetch(provider.url), provider.url)
    return report


def _poll_folder(provider: Provider) -> Report:
    folder = Path(provider.path)
    if not folder.is_dir():
        raise FetchError(f"The folder {folder} does not exist.")
    report = Report()
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        file_report = ingest_file(provider, path)
        report.received += file_report.received
        failed = any(r.outcome == "refused" for r in file_report.received)
        target = folder / ("failed" if failed else "processed")
        target.mkdir(exist_ok=True)
        shutil.move(path, target / path.name)
        if failed:
            (target / f"{path.name}.error.txt").write_text("\n".join(file_report.errors) + "\n")
    return report


def poll_provider(provider: Provider) -> Report:
    """Takes what a feed or folder provider has: the job a scheduler runs every
    `provider.poll_minutes`. Its outcome, or the reason it failed, is noted on
    the provider, where the admin shows it."""
    try:
        if provider.kind == Provider.Kind.FEED:
            report = _poll_feed(provider)
        elif provider.kind == Provider.Kind.FOLDER:
            report = _poll_folder(provider)
        else:
            return Report()  # pushed to; nothing to poll
    except (FetchError, UnreadableItem, OSError) as error:
        _note(provider, str(error))
        return Report.refused(str(error), 502)
    _note(provider, "; ".join(report.errors)[:2000])
    return report


def providers_due(now=None):
    """Active feed and folder providers whose next poll is due."""
    now = now or timezone.now()
    due = []
    for provider in Provider.objects.filter(is_active=True).exclude(kind=Provider.Kind.PUSH):
        last = provider.last_polled_at
        if last is None or (now - last).total_seconds() >= provider.poll_minutes * 60:
            due.append(provider)
    return due


def ingest_file(provider: Provider, path: Path) -> Report:
    """One file (an item, a newsMessage, a ZIP), pictures read from beside it."""
    try:
        if path.stat().st_size > settings.WIRE_ITEM_MAX_BYTES:
            raise UnreadableItem(
                f"{path.name} is larger than the limit of {settings.WIRE_ITEM_MAX_BYTES:,} bytes "
                "(DATELINE_WIRE_ITEM_MAX_KB).",
                413,
            )
        return receive_document(provider, path.read_bytes(), path.name, path.parent)
    except UnreadableItem as error:
        return Report(
            [Received("refused", error=UnreadableItem(f"{path.name}: {error}", error.status))]
        )
