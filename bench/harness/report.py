"""What every benchmark prints: progress lines, a table, and the facts behind the figures."""

from __future__ import annotations

import contextlib
import platform
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit


def progress(message: str) -> None:
    """A time-stamped line on stderr, so that the figures on stdout stay clean."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def print_columns(lines: list[tuple[str, ...]], left: frozenset[int] = frozenset()) -> None:
    """Prints a header line, a rule, then the rows; columns right-aligned but for `left`."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for index, line in enumerate(lines):
        print(
            "  ".join(
                cell.ljust(widths[i]) if i in left else cell.rjust(widths[i])
                for i, cell in enumerate(line)
            ).rstrip()
        )
        if index == 0:
            print("  ".join("-" * width for width in widths))


def version_of(args: list[str]) -> str:
    """The first line a `--version` command prints, or "?"."""
    try:
        completed = subprocess.run(args, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    text = (completed.stdout or completed.stderr).strip().splitlines()
    return text[0] if text else "?"


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    return platform.processor() or "?"


def read_sysctl(name: str) -> str:
    try:
        return Path("/proc/sys", *name.split(".")).read_text().split("\n")[0].replace("\t", "-")
    except OSError:
        return "?"


def describe_database(env: dict[str, str], var_dir: Path) -> str:
    url = env.get("DATABASE_URL", "")
    if not url:
        return f"SQLite (WAL) in a temporary directory ({var_dir / 'dateline.sqlite3'})"
    parts = urlsplit(url)
    scheme = "PostgreSQL" if parts.scheme.startswith("postg") else parts.scheme
    port = f":{parts.port}" if parts.port else ""
    return f"{scheme} {parts.hostname or 'local socket'}{port}{parts.path} (from DATABASE_URL)"


def describe_cache(env: dict[str, str]) -> str:
    url = env.get("REDIS_URL", "")
    if not url:
        return "local memory, per worker process"
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"Redis {parts.hostname}{port}{parts.path} (from REDIS_URL)"
