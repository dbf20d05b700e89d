"""Polls the wire's feeds and folders: the job a scheduler runs every few minutes."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from dateline.wire.ingest import poll_provider, providers_due
from dateline.wire.models import Provider


class Command(BaseCommand):
    help = "Poll the feed and folder providers that are due (or those named)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="PROVIDER")

    def handle(self, *args, slugs=(), **options):
        providers = list(Provider.objects.filter(slug__in=slugs)) if slugs else providers_due()
        missing = set(slugs) - {p.slug for p in providers}
        if missing:
            raise CommandError(f"No wire provider {', '.join(sorted(missing))}.")
        for provider in providers:
            report = poll_provider(provider)
            line = (
                f"{provider.slug}: {report.count('created')} created, "
                f"{report.count('updated')} updated, {report.count('refused')} refused"
            )
            self.stdout.write(line + (f" ({provider.last_error})" if provider.last_error else ""))
