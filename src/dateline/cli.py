"""The `dateline` command: a thin wrapper over Django's management commands.

dateline demo [--host H] [--port P]   migrate, load the demo newsroom, serve
dateline serve [--host H] [--port P] [--workers N]
dateline worker                        run background jobs (see dateline.jobs)
dateline import-wordpress EXPORT.xml --edition es
dateline <any manage.py command>       e.g. dateline migrate, dateline createsuperuser
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

# Commands spelled as a shell user expects, for Django's module names.
ALIASES = {"import-wordpress": "import_wordpress"}


def prepare(load_demo: bool) -> None:
    """Brings the database and static files up to date (a few seconds when nothing changed)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if load_demo:
        call_command("load_demo")


def serve(host: str, port: int, workers: int) -> None:
    from django.conf import settings

    granian = shutil.which("granian", path=str(Path(sys.executable).parent)) or "granian"
    args = [
        granian,
        "--interface",
        "asgi",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-ws",
        # Each SSE reader holds a request open: admit far more than granian's
        # default of about a thousand concurrent requests per worker.
        "--backpressure",
        str(settings.MAX_CONNECTIONS),
        "--backlog",
        "2048",
        # A worker stopping with requests still queued can otherwise hang.
        "--workers-kill-timeout",
        "5",
        # A worker that dies (a crash, the OOM killer) is replaced, and its live
        # readers come back with Last-Event-ID; the server itself stays up.
        "--respawn-failed-workers",
        "--respawn-interval",
        "1",
        "dateline.asgi:application",
    ]
    print(f"Serving Dateline at http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    # The server's processes link their mails to where it is served.
    os.environ["DATELINE_SERVED_AT"] = served_at(host, port)
    os.execv(args[0], args)


def served_at(host: str, port: int) -> str:
    """The address people reach the server at (all interfaces: this machine's)."""
    if host in {"0.0.0.0", "::", ""}:
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def main(argv: list[str] | None = None) -> None:
    import django
    from django.core.exceptions import ImproperlyConfigured

    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ALIASES:
        argv = [ALIASES[argv[0]], *argv[1:]]
    command = argv[0] if argv and argv[0] in {"demo", "serve"} else None
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    try:
        from django.conf import settings

        settings.INSTALLED_APPS  # noqa: B018 (reads every setting from the environment)
        options = _server_options(command, argv[1:]) if command else None
    except ImproperlyConfigured as error:
        # A setting read from the environment is wrong: say which, without a traceback.
        sys.exit(f"dateline: {error}")
    if command is None:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["dateline", *argv])
        return
    django.setup()
    prepare(load_demo=command == "demo")
    if command == "demo":
        # A simulated correspondent keeps the demo's live blogs moving.
        os.environ.setdefault("DATELINE_DEMO_CORRESPONDENT", "1")
    serve(options.host, options.port, options.workers)


def _server_options(command: str, args: list[str]) -> argparse.Namespace:
    from dateline.settings import envint

    parser = argparse.ArgumentParser(prog=f"dateline {command}")
    parser.add_argument("--host", default=os.environ.get("DATELINE_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=envint("PORT", 8000))
    parser.add_argument("--workers", type=int, default=envint("DATELINE_WORKERS", 1))
    options = parser.parse_args(args)
    if not 0 < options.port < 65536:
        parser.error(f"--port must be between 1 and 65535, not {options.port}")
    if options.workers < 1:
        parser.error(f"--workers must be 1 or more, not {options.workers}")
    return options


if __name__ == "__main__":
    main()
