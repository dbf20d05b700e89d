"""The import as a background job, for `dateline import-wordpress --background`."""

from __future__ import annotations

from pathlib import Path

from dateline.jobs.engine import job

from .importer import import_wordpress


# The import resumes where it stopped (it skips what it already brought), so a retry is safe.
@job(attempts=3, backoff=60)
def import_wordpress_job(export: str, edition: str, media: str | None = None) -> dict:
    report = import_wordpress(Path(export), edition, Path(media) if media else None)
    return report.as_dict()
