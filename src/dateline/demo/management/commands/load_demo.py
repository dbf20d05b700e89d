from django.core.management.base import BaseCommand

from dateline.demo import newsroom


class Command(BaseCommand):
    help = "Loads the demo newsroom (idempotent) and its local-only demo accounts."

    def handle(self, *args, **options):
        result = newsroom.load()
        self.stdout.write(self.style.SUCCESS("Demo newsroom ready: 7 editions, sample stories."))
        self.stdout.write(f"Demo accounts (local demo only), password '{newsroom.DEMO_PASSWORD}':")
        for username, (_user, description) in result["users"].items():
            self.stdout.write(f"  {username:<9} {description}")
