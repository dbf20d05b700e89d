from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from dateline.articles import search
from dateline.demo import newsroom


class Command(BaseCommand):
    help = "Loads the demo newsroom (idempotent) and its local-only demo accounts."

    def handle(self, *args, **options):
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                "The database has unapplied migrations: run `dateline migrate` first "
                "(`make demo` does both)."
            )
        result = newsroom.load()
        # A demo database made before readers' search existed gets its index too.
        search.rebuild()
        self.stdout.write(self.style.SUCCESS("Demo newsroom ready: 7 editions, sample stories."))
        self.stdout.write(f"Demo accounts (local demo only), password '{newsroom.DEMO_PASSWORD}':")
        for username, (_user, description) in result["users"].items():
            self.stdout.write(f"  {username:<9} {description}")
