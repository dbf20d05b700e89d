"""What the benchmark scripts share: finding tools, free ports, running setup steps."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


class BenchError(RuntimeError):
    pass


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


def run_step(args: list[str], env: dict[str, str], log: Path, timeout: float) -> None:
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
