"""`dateline import-wordpress EXPORT.xml --edition es`: a WordPress site brought into an edition."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dateline.archive.importer import ImportRefused, import_wordpress
from dateline.archive.jobs import import_wordpress_job


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR, from Tools → Export) into an edition: posts become "
        "articles, categories and tags topics, media photos, old URLs redirects. Running it "
        "again brings only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="the WordPress export file (.xml)")
        parser.add_argument("--edition", required=True, help="the edition's slug, e.g. es")
        parser.add_argument(
            "--media", type=Path, default=None, help="a copy of the site's wp-content/uploads"
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue the import as a background job instead of running it here",
        )
        parser.add_argument("--batch-size", type=int, default=500, help=HELP_BATCH)

    def handle(self, *args, export, edition, media, background, batch_size, **options):
        if batch_size < 1:
            raise CommandError(f"--batch-size must be 1 or more, not {batch_size}")
        if background:
            return self.queue(export, edition, media)
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            if options["verbosity"] >= 1:
                rate = done / max(time.monotonic() - started, 1e-6)
                self.stdout.write(f"  {done:,} of {total:,} posts read ({rate:,.0f}/s)")

        try:
            report = import_wordpress(export, edition, media, progress, batch_size)
        except ImportRefused as error:
            raise CommandError(str(error)) from None
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Imported {report.imported:,} articles into /{edition}/ in {elapsed:,.1f}s "
            f"({report.imported / max(elapsed, 1e-6):,.0f}/s); {report.already_imported:,} "
            f"were already there. {report.topics_created:,} topics, "
            f"{report.photos_imported:,} photos, {report.redirects:,} redirects."
        )
        if report.not_brought:
            self.stdout.write("Not brought:")
            for reason, count in report.not_brought.most_common():
                examples = "; ".join(report.examples.get(reason, []))
                self.stdout.write(f"  {count:,} {reason} (e.g. {examples})")

    def queue(self, export: Path, edition: str, media: Path | None) -> None:
        from dateline.editions.models import EditionPage

        if not export.is_file():
            raise CommandError(f"{export} is not a file: give the path of the WordPress export.")
        if not EditionPage.objects.filter(slug=edition).exists():
            raise CommandError(
                f"There is no edition {edition!r}: give --edition an edition's slug."
            )
        result = import_wordpress_job.enqueue(
            str(export.resolve()), edition, str(media.resolve()) if media else None
        )
        self.stdout.write(
            f"Queued as job {result.id}; a worker (`dateline worker`, or the server's own) "
            "runs it. The file must stay where it is until then."
        )


HELP_BATCH = "posts stored per transaction (default 500)"
