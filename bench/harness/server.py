"""A production-like Dateline server in a subprocess: its environment, its demo data, start, stop.

`dateline serve` is how production starts Dateline: it migrates, collects
static files, then execs granian, so the process started here becomes
granian's main process and the workers are its descendants. Each server gets a
free port on 127.0.0.1, a session (process group) of its own, and a
DATELINE_VAR_DIR of its own, never the developer's `var/`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import BenchError, procstat
from .http import answers

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
SETUP_TIMEOUT = 900.0  # migrate + load_demo (+ collectstatic) on a cold database
START_TIMEOUT = 180.0  # `dateline serve` migrates and collects static files first
STOP_TIMEOUT = 20.0
# Variables that would point the server at the developer's own data or change
# what is measured; the caller sets its own values for these.
SCRUBBED_ENV = (
    "DATELINE_VAR_DIR",
    "DATELINE_SQLITE_PATH",
    "DATELINE_MEDIA_ROOT",
    "DATELINE_WORKERS",
    "DATELINE_DEBUG",
    "DATELINE_BASE_URL",
    "DATELINE_DEMO_CORRESPONDENT",
    "PORT",
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def venv_bin(name: str) -> str:
    for directory in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        candidate = directory / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise BenchError(f"cannot find {name!r} next to {sys.executable} or on PATH")
    return found


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def site_env(var_dir: Path, drop: tuple[str, ...] = (), **values: str) -> dict[str, str]:
    """This process's environment for a server whose data lives in `var_dir`.

    SCRUBBED_ENV and `drop` are left out; `values` are added last.
    """
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV + drop}
    env.update(
        DATELINE_VAR_DIR=str(var_dir),
        DATELINE_DEBUG="false",
        DJANGO_SETTINGS_MODULE="dateline.settings",
        PYTHONUNBUFFERED="1",
    )
    env.update(values)
    return env


def separate_database(url: str, suffix: str) -> str:
    """A fresh, empty PostgreSQL database beside the one `url` names; returns its URL."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + suffix
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def run_step(args: list[str], env: dict[str, str], log: Path, timeout: float) -> None:
    """Runs a command to its end, its output appended to `log`; raises BenchError if it fails."""
    with log.open("a") as out:
        out.write(f"$ {' '.join(args)}\n")
        out.flush()
        try:
            completed = subprocess.run(
                args,
                env=env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise BenchError(f"{args[1:]} took longer than {timeout:.0f}s; see {log}") from None
    if completed.returncode != 0:
        raise BenchError(f"{args[1:]} failed with exit code {completed.returncode}:\n{tail(log)}")


def load_demo(env: dict[str, str], log: Path, collectstatic: bool = False) -> None:
    """Migrates the database `env` names and loads the demo newsroom into it (idempotent)."""
    dateline = venv_bin("dateline")
    run_step([dateline, "migrate", "--no-input", "-v0"], env, log, SETUP_TIMEOUT)
    run_step([dateline, "load_demo"], env, log, SETUP_TIMEOUT)
    if collectstatic:
        run_step([dateline, "collectstatic", "--no-input", "-v0"], env, log, SETUP_TIMEOUT)


def listen_args(port: int, workers: int) -> list[str]:
    """Where to listen and how many workers: the same flags for `dateline serve` and uvicorn."""
    return ["--host", HOST, "--port", str(port), "--workers", str(workers)]


def serve_command(port: int, workers: int = 1) -> list[str]:
    return [venv_bin("dateline"), "serve", *listen_args(port, workers)]


class Server:
    """One server process and its workers, in a process group of their own.

    `args` defaults to `dateline serve` with `workers` workers on `port` (a free
    one if not given). As a context manager it starts, waits until "/" answers,
    and stops at the end.
    """

    def __init__(
        self,
        env: dict[str, str],
        log: Path,
        *,
        port: int | None = None,
        workers: int = 1,
        args: list[str] | None = None,
    ) -> None:
        self.port = port or free_port()
        self.env = env
        self.log = log
        self.args = args or serve_command(self.port, workers)
        self.process: subprocess.Popen[bytes] | None = None
        self.stop_s: float | None = None  # how long it took to stop after the signal

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        with self.log.open("a") as out:
            shown = ["<script>" if "\n" in arg else arg for arg in self.args]
            out.write(f"$ {' '.join(shown)}\n")
            out.flush()
            self.process = subprocess.Popen(
                self.args,
                env=self.env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                # One descriptor per connected reader.
                preexec_fn=procstat.raise_nofile_limit,
            )

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_until_ready(self, path: str = "/", timeout: float = START_TIMEOUT) -> None:
        """Until `path` answers with any status (the caller checks which)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                code = self.process.returncode if self.process else None
                raise BenchError(f"server exited with code {code}:\n{tail(self.log)}")
            if answers(self.url + path):
                return
            time.sleep(0.25)
        raise BenchError(f"server did not answer {path} within {timeout:.0f}s:\n{tail(self.log)}")

    def workers(self) -> list[int]:
        """The worker processes: every descendant of the main process."""
        return procstat.descendants(self.process.pid) if self.process else []

    def stop(self, timeout: float = STOP_TIMEOUT, settle: float = 0.0) -> str:
        """Stops the server after `settle` idle seconds; returns a note when it had to be killed."""
        process = self.process
        if process is None:
            return ""
        note = ""
        if process.poll() is None:
            # granian's worker can hang for good when told to stop while it is
            # still answering requests from clients that went away.
            time.sleep(settle)
            started = time.monotonic()
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGINT)  # the graceful stop, granian's and uvicorn's
            try:
                process.wait(timeout=timeout)
                self.stop_s = time.monotonic() - started
            except subprocess.TimeoutExpired:
                note = f"server still running {timeout:g}s after SIGINT, killed"
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=timeout)
        # Workers left behind by a main process that died first.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        return note

    def __enter__(self) -> Server:
        self.start()
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
