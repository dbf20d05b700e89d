"""A real Dateline server for browser tests that need the whole stack.

The live stream is served by the ASGI app under granian, not by Django's test
server, so live-coverage tests run `dateline serve` in a subprocess with a
demo newsroom of its own. On the PostgreSQL + Redis pass it uses a database of
its own on the same server, and the real Redis broker.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _own_postgres_database(url: str) -> str:
    """A fresh database beside the one DATABASE_URL names, for the server alone."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_browser"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


class ProductionServer:
    def __init__(self, var_dir: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DATELINE_VAR_DIR": str(var_dir),
            "DATELINE_LIVE_HEARTBEAT_SECONDS": "5",
            "PYTHONUNBUFFERED": "1",
        }
        self.env.pop("DJANGO_SETTINGS_MODULE", None)
        self.env.pop("DATELINE_DEMO_CORRESPONDENT", None)
        if os.environ.get("DATABASE_URL"):
            self.env["DATABASE_URL"] = _own_postgres_database(os.environ["DATABASE_URL"])
        if os.environ.get("REDIS_URL"):
            # Its cache (rate limits, the newsroom clock) and its live channels are its own.
            self.env["DATELINE_CACHE_PREFIX"] = f"browser-{self.port}"
            self.env["DATELINE_LIVE_CHANNEL_PREFIX"] = f"browser-{self.port}"
        self.log = var_dir / "server.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> ProductionServer:
        for command in (["migrate", "-v0"], ["load_demo"]):
            done = subprocess.run(
                [BIN / "dateline", *command], env=self.env, capture_output=True, text=True
            )
            if done.returncode:
                raise RuntimeError(f"dateline {' '.join(command)} failed:\n{done.stderr}")
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [BIN / "dateline", "serve", "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/", timeout=2)
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the server did not start:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
