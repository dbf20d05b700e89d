"""`dateline update_index`: Wagtail's index (the admin's search), then readers' search."""

from __future__ import annotations

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from dateline.articles import search


class Command(WagtailUpdateIndex):
    help = (
        "Rebuilds Wagtail's search index (the admin's search) and the index of readers' "
        "search: every published story and every live post, each in its edition's language."
    )

    def handle(self, **options) -> None:
        super().handle(**options)
        if not options.get("schema_only"):
            count = search.rebuild()
            self.write(f"Indexed {count} stories and posts for readers' search.")
