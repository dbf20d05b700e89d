"""Which code a run measures: the working tree, or a snapshot of one commit."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from bench.harness import BenchError
from bench.harness.server import ROOT


def git(*args: str) -> str:
    completed = subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=60, check=False
    )
    if completed.returncode != 0:
        raise BenchError(f"git {' '.join(args)}: {completed.stderr.strip()}")
    return completed.stdout.strip()


def source_tree(rev: str | None, tmp: Path) -> tuple[Path | None, str]:
    """The src/ directory to run (None: the working tree) and a description of it."""
    if rev is None:
        try:
            head = git("rev-parse", "--short", "HEAD")
            dirty = git("status", "--porcelain", "--", "src")
        except (BenchError, OSError, subprocess.TimeoutExpired):
            return None, f"working tree {ROOT / 'src'}"
        changes = " with uncommitted changes" if dirty else ""
        return None, f"working tree {ROOT / 'src'} (at {head}{changes})"
    # A snapshot of one commit, read with `git archive`, so that edits being
    # made to the working tree during a long run cannot change what is measured.
    commit = git("rev-parse", "--verify", f"{rev}^{{commit}}")
    snapshot = tmp / "source"
    snapshot.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "src"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    if archive.returncode != 0:
        raise BenchError(f"git archive {commit}: {archive.stderr.decode(errors='replace')}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(snapshot, filter="data")
        else:
            tar.extractall(snapshot)  # our own repository's files
    return snapshot / "src", f"{rev} ({commit[:10]}), a snapshot taken with git archive"
