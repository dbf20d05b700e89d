"""The ASGI servers compared: how each is started, which version ran, what its log says.

granian is started the way production starts it, with `dateline serve`.
uvicorn is not a project dependency: it runs when it can be imported, or from a
directory given with --uvicorn-path, appended to sys.path (after the
virtualenv's own packages), so nothing in .venv changes.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

from bench.harness.report import version_of
from bench.harness.server import listen_args, serve_command

_EXCEPTION_LINE = re.compile(r"^(?:\w+\.)*\w*(?:Error|Exception|Exit|Interrupt)\b:?.*$")


def server_command(server: str, port: int, workers: int, uvicorn_path: str | None) -> list[str]:
    if server == "granian":
        # The production entry point: migrate, collectstatic, then exec granian.
        return serve_command(port, workers)
    # uvicorn with the same application and the options that matter: no
    # websockets, no per-request access log, lifespan as granian's asgi interface.
    bootstrap = (
        "import sys\n"
        f"extra = {uvicorn_path or ''!r}\n"
        "if extra: sys.path.append(extra)\n"
        "from uvicorn.main import main\n"
        "sys.argv[0] = 'uvicorn'\n"
        "main()\n"
    )
    return [
        sys.executable,
        "-c",
        bootstrap,
        "dateline.asgi:application",
        *listen_args(port, workers),
        "--lifespan",
        "auto",
        "--ws",
        "none",
        "--no-access-log",
        "--log-level",
        "warning",
    ]


def uvicorn_importable(extra_path: str | None) -> bool:
    if importlib.util.find_spec("uvicorn") is not None:
        return True
    return bool(extra_path) and (Path(extra_path) / "uvicorn" / "__init__.py").exists()


def uvicorn_version(extra_path: str | None) -> str:
    code = "import sys\nif sys.argv[1]: sys.path.append(sys.argv[1])\nimport uvicorn\n"
    code += "print(uvicorn.__version__)"
    return version_of([sys.executable, "-c", code, extra_path or ""])


def log_problems(log: Path) -> str:
    """Summarises the errors a server logged: how many, and the commonest exception."""
    try:
        lines = log.read_text(errors="replace").splitlines()
    except OSError:
        return ""
    failures = sum("Internal Server Error" in line for line in lines)
    tracebacks = sum(line.startswith("Traceback") for line in lines)
    logged = sum(bool(re.search(r"\bERROR\b|\bCRITICAL\b", line)) for line in lines)
    if not (failures or tracebacks or logged):
        return ""
    exceptions = Counter(
        line.strip()[:200] for line in lines if _EXCEPTION_LINE.match(line.strip())
    )
    summary = (
        f"server log: {failures} 'Internal Server Error', {tracebacks} tracebacks, "
        f"{logged} ERROR lines"
    )
    if exceptions:
        line, count = exceptions.most_common(1)[0]
        summary += f", commonest ({count}x): {line}"
    return summary
