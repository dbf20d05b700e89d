"""dateline ingest PATH_OR_URL…: imports wire items from files, folders and feeds."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dateline.wire.formats import UnreadableItem
from dateline.wire.ingest import (
    COMMAND_LINE_PROVIDER,
    FetchError,
    Report,
    default_provider,
    fetch,
    ingest_file,
    receive_document,
)
from dateline.wire.models import Provider

EXTENSIONS = (".json", ".xml", ".nitf", ".rss", ".atom", ".zip")


def _progress(done: int, total: int, label: str, stream) -> None:
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}")
    stream.flush()


class Command(BaseCommand):
    help = (
        "Import wire items (ninjs, NewsML-G2, NITF, RSS, Atom, or ZIPs of them) from files, "
        "folders (every such file inside) and feed URLs."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument(
            "--provider", help="The provider's slug (default: the command line's own)."
        )

    def handle(self, *args, sources=(), provider=None, **options):
        if provider:
            found = Provider.objects.filter(slug=provider).first()
            if found is None:
                slugs = ", ".join(Provider.objects.values_list("slug", flat=True)) or "none yet"
                raise CommandError(f"No wire provider {provider!r}; providers: {slugs}.")
        else:
            found = default_provider(COMMAND_LINE_PROVIDER)
        jobs = []
        for source in sources:
            if source.startswith(("http://", "https://")):
                jobs.append(source)
                continue
            path = Path(source)
            if path.is_dir():
                jobs += sorted(
                    p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
                )
            elif path.is_file():
                jobs.append(path)
            else:
                raise CommandError(f"{source} is neither a file, a folder nor an http(s) URL.")
        report = Report()
        show = sys.stderr.isatty() or options.get("verbosity", 1) > 1
        for done, job in enumerate(jobs, 1):
            if isinstance(job, Path):
                report.received += ingest_file(found, job).received
            else:
                try:
                    report.received += receive_document(found, fetch(job), job).received
                except (FetchError, UnreadableItem) as error:
                    report.received += Report.refused(f"{job}: {error}").received
            if show:
                _progress(done, len(jobs), str(job), self.stderr._out)
        if show and jobs:
            self.stderr.write("")
        for error in report.errors:
            self.stderr.write(f"refused: {error}")
        self.stdout.write(
            f"{report.count('created')} created, {report.count('updated')} updated, "
            f"{report.count('unchanged')} unchanged, {report.count('refused')} refused."
        )
        if report.count("refused") and not (report.count("created") or report.count("updated")):
            raise CommandError("Nothing was imported; see the reasons above.")
