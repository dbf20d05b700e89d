"""`dateline renew_live_epochs`: run it after restoring the database from a backup."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from dateline.live import actions


class Command(BaseCommand):
    help = (
        "Gives every live blog a new epoch. Run it after restoring the database from a "
        "backup, so that readers holding ids from after the backup reload the blog instead "
        "of resuming from events the restored database numbers differently."
    )

    def handle(self, *args, **options) -> None:
        renewed = actions.do_renew_epochs()
        self.stdout.write(f"Gave {renewed} live blog(s) a new epoch.")
