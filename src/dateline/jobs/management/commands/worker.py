"""`dateline worker`: runs background jobs until stopped (SIGTERM or Ctrl+C)."""

from __future__ import annotations

import signal

from django.core.management.base import BaseCommand, CommandError

from dateline.jobs.worker import Worker


class Command(BaseCommand):
    help = "Run background jobs (wire polling, imports, the newsroom clock) until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="seconds to wait when no job is ready (default 1)",
        )
        parser.add_argument("--batch", action="store_true", help="run the ready jobs, then exit")
        parser.add_argument(
            "--max-jobs", type=int, default=None, help="exit after running this many jobs"
        )

    def handle(self, *args, interval, batch, max_jobs, **options):
        if interval < 0:
            raise CommandError(f"--interval must be 0 or more, not {interval}")
        if max_jobs is not None and max_jobs < 1:
            raise CommandError(f"--max-jobs must be 1 or more, not {max_jobs}")
        worker = Worker(interval=interval, batch=batch, max_jobs=max_jobs)

        def stop(signum, frame):
            # The job in hand finishes; a second signal ends the process at once.
            signal.signal(signum, signal.SIG_DFL)
            worker.stop()

        previous = {
            signum: signal.signal(signum, stop) for signum in (signal.SIGTERM, signal.SIGINT)
        }
        if options["verbosity"] >= 1:
            self.stdout.write(f"Worker {worker.worker_id} running jobs (Ctrl+C to stop)")
        try:
            worker.run()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
