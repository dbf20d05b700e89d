"""Front-page and article-page throughput and latency over loopback.

Loads the demo newsroom into a temporary DATELINE_VAR_DIR, starts the site on a
free 127.0.0.1 port, warms it up, drives it with wrk and prints a table of
requests/s and latency percentiles, once uncached and once with the page cache
on (DATELINE_PAGE_CACHE_SECONDS=60). It prints figures and asserts nothing.

    .venv/bin/python bench/pages.py                 # granian, 1 worker, 10 s per page
    .venv/bin/python bench/pages.py --quick         # 3 s per page, for a smoke test
    .venv/bin/python bench/pages.py --workers 1 2 --repeat 3
    .venv/bin/python bench/pages.py --server granian uvicorn --uvicorn-path /tmp/uvicorn-site
    .venv/bin/python bench/pages.py --rev HEAD      # a snapshot of a commit, not the work tree

DATABASE_URL and REDIS_URL are passed through to the server, so the same run
measures PostgreSQL and Redis when they are set (the demo is loaded into that
database; loading is idempotent). Otherwise the server uses SQLite and the
local-memory cache inside the temporary directory. Every step has a time limit;
the temporary directory is removed at the end unless --keep is given or
something went wrong (then its server logs are kept for reading).

granian is started the way production starts it, with `dateline serve`. uvicorn
is not a project dependency: `--server uvicorn` works when it can be imported,
or when --uvicorn-path names a directory that holds it, e.g. after
`.venv/bin/uv pip install --python .venv/bin/python --target /tmp/uvicorn-site
"uvicorn[standard]"`. That directory is appended to sys.path (after the
virtualenv's own packages), so nothing in .venv changes.

The server launcher is bench/harness/'s, shared with live.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import io
import itertools
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

# Run as a script, this file's folder is on sys.path; the `bench` package needs its parent.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BenchError
from bench.harness.http import fetch
from bench.harness.report import (
    cpu_model,
    describe_cache,
    describe_database,
    print_columns,
    progress,
    version_of,
)
from bench.harness.server import (
    ROOT,
    Server,
    free_port,
    listen_args,
    load_demo,
    serve_command,
    site_env,
    tail,
    venv_bin,
)

PAGES = {
    "front": "/es/",
    "article": "/es/tormenta-aurelia-apagon-costa-valdemar/",
}
CONFIGS = {"uncached": 0, "cached": 60}
STOP_TIMEOUT = 15.0
SETTLE_SECONDS = 2.0  # idle time between the last wrk run and stopping the server


class BudgetSpent(Exception):
    pass


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = re.compile(r"^([\d.]+)(us|ms|s|m|h)$")


@dataclass
class WrkResult:
    requests_per_s: float | None = None
    requests: int | None = None
    latency_ms: dict[str, float] = field(default_factory=dict)
    socket_errors: dict[str, int] = field(default_factory=dict)
    non_2xx_3xx: int = 0

    @property
    def errors(self) -> int:
        return sum(self.socket_errors.values())


def duration_ms(text: str) -> float:
    """Converts one of wrk's durations (`812.41us`, `1.08s`, `2.00m`) to milliseconds."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output: str) -> WrkResult:
    result = WrkResult()
    in_distribution = False
    for line in output.splitlines():
        stripped = line.strip()
        if stripped.startswith("Latency Distribution"):
            in_distribution = True
            continue
        if in_distribution:
            match = re.match(r"^(\d+(?:\.\d+)?)%\s+(\S+)$", stripped)
            if match:
                result.latency_ms[f"p{match.group(1).removesuffix('.0')}"] = duration_ms(
                    match.group(2)
                )
                continue
            in_distribution = False
        match = re.match(r"^(\d+) requests in ", stripped)
        if match:
            result.requests = int(match.group(1))
        match = re.match(r"^Requests/sec:\s+([\d.]+)", stripped)
        if match:
            result.requests_per_s = float(match.group(1))
        match = re.match(r"^Non-2xx or 3xx responses:\s+(\d+)", stripped)
        if match:
            result.non_2xx_3xx = int(match.group(1))
        if stripped.startswith("Socket errors:"):
            for name, count in re.findall(r"(\w+) (\d+)", stripped.partition(":")[2]):
                result.socket_errors[name] = int(count)
    return result


def run_wrk(
    wrk: str, url: str, threads: int, connections: int, seconds: float, timeout: str
) -> WrkResult:
    args = [
        wrk,
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        f"--timeout={timeout}",
        "--latency",
        url,
    ]
    try:
        completed = subprocess.run(
            args,
            capture_output=True,
            text=True,
            timeout=seconds + duration_ms(timeout) / 1000 + 30,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"wrk did not finish: {' '.join(args)}") from None
    if completed.returncode != 0:
        raise BenchError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse_wrk(completed.stdout)


CONFIG_LABELS = {"uncached": "uncached", "cached": "page cache"}


@dataclass
class Row:
    config: str
    server: str
    workers: int
    page: str
    connections: int
    result: WrkResult | None
    note: str = ""
    # Every run's result when --repeat merged several rows into this one.
    runs: list[WrkResult] = field(default_factory=list)

    def add_note(self, text: str) -> None:
        if text not in self.note.split("; "):
            self.note = f"{self.note}; {text}" if self.note else text

    @property
    def key(self) -> tuple[str, str, int, str, int]:
        return (self.config, self.server, self.workers, self.page, self.connections)


def merge_repeats(rows: list[Row]) -> list[Row]:
    """One row per configuration, holding the median run (by requests/s) of its repeats."""
    merged: dict[tuple[str, str, int, str, int], Row] = {}
    for row in rows:
        target = merged.setdefault(row.key, Row(*row.key, None))
        if row.result is not None:
            target.runs.append(row.result)
        for note in filter(None, row.note.split("; ")):
            target.add_note(note)
    for row in merged.values():
        done = sorted(
            (run for run in row.runs if run.requests_per_s is not None),
            key=lambda run: run.requests_per_s or 0.0,
        )
        if done:
            row.result = done[(len(done) - 1) // 2]
    return list(merged.values())


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def print_table(rows: list[Row]) -> None:
    repeated = any(len(row.runs) > 1 for row in rows)
    header = (
        "configuration",
        "server",
        "workers",
        "page",
        "conns",
        "req/s",
        *(("min-max", "runs") if repeated else ()),
        "p50 ms",
        "p99 ms",
        "requests",
        "errors",
        "non-2xx/3xx",
    )
    lines: list[tuple[str, ...]] = [header]
    notes: list[str] = []
    for row in rows:
        res = row.result
        runs = row.runs or ([res] if res is not None else [])
        if res is None:
            cells: tuple[str, ...] = ("-",) * (len(header) - 5)
        else:
            rates = [run.requests_per_s for run in runs if run.requests_per_s is not None]
            rps = f"{res.requests_per_s:.1f}" if res.requests_per_s is not None else "-"
            spread = f"{min(rates):.0f}-{max(rates):.0f}" if rates else "-"
            cells = (
                rps,
                *((spread, str(len(runs))) if repeated else ()),
                fmt_ms(res.latency_ms.get("p50")),
                fmt_ms(res.latency_ms.get("p99")),
                str(sum(run.requests or 0 for run in runs)),
                str(sum(run.errors for run in runs)),
                str(sum(run.non_2xx_3xx for run in runs)),
            )
        lines.append(
            (
                CONFIG_LABELS[row.config],
                row.server,
                str(row.workers),
                row.page,
                str(row.connections),
                *cells,
            )
        )
        label = f"{CONFIG_LABELS[row.config]} / {row.server} / {row.workers}w"
        for note in filter(None, row.note.split("; ")):
            line = (
                f"  {label}: {note}"
                if note.startswith("server")
                else f"  {label} / {row.page}: {note}"
            )
            if line not in notes:
                notes.append(line)
    print_columns(lines, left=frozenset({0, 1, 3}))
    if notes:
        print("\nnotes:")
        print("\n".join(notes))


# --- processes ------------------------------------------------------------


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


# --- the benchmark --------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Front-page and article-page throughput and latency (wrk over loopback)."
    )
    parser.add_argument("--quick", action="store_true", help="3 s per page, 1 s warm-up")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per page [10]")
    parser.add_argument("--warmup", type=float, default=3.0, help="warm-up seconds [3]")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads [2]")
    parser.add_argument(
        "--connections", type=int, nargs="+", default=[32], help="wrk connections [32]"
    )
    parser.add_argument(
        "--timeout", default="10s", help="wrk request timeout; slower ones count as errors [10s]"
    )
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="server workers [1]")
    parser.add_argument(
        "--server",
        nargs="+",
        choices=["granian", "uvicorn"],
        default=["granian"],
        help="ASGI server(s) [granian]",
    )
    parser.add_argument(
        "--config",
        nargs="+",
        choices=list(CONFIGS),
        default=list(CONFIGS),
        help="uncached and/or cached (DATELINE_PAGE_CACHE_SECONDS=60) [both]",
    )
    parser.add_argument(
        "--page", nargs="+", choices=list(PAGES), default=list(PAGES), help="pages [both]"
    )
    parser.add_argument(
        "--uvicorn-path",
        default=os.environ.get("BENCH_UVICORN_PATH"),
        help="directory holding uvicorn, appended to sys.path [$BENCH_UVICORN_PATH]",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="rounds over every configuration; the table shows each one's median [1]",
    )
    parser.add_argument("--wrk", default=shutil.which("wrk") or "/usr/bin/wrk")
    parser.add_argument(
        "--budget",
        type=float,
        default=1800.0,
        help="stop starting new runs after this many seconds [1800]",
    )
    parser.add_argument(
        "--rev",
        help="measure this git commit (a snapshot from git archive) instead of the working tree",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory (kept anyway on problems)"
    )
    options = parser.parse_args(argv)
    if options.quick:
        options.duration, options.warmup = 3.0, 1.0
    if not Path(options.wrk).exists():
        parser.error(f"wrk not found at {options.wrk} (apt-get install wrk, or `make bench`)")
    try:
        duration_ms(options.timeout)
    except ValueError:
        parser.error(f"--timeout must look like 10s or 500ms, not {options.timeout!r}")
    if min(*options.workers, *options.connections, options.threads, options.repeat) < 1:
        parser.error("--workers, --connections, --threads and --repeat must be at least 1")
    if "uvicorn" in options.server and not uvicorn_importable(options.uvicorn_path):
        parser.error("uvicorn is not importable; install it elsewhere and pass --uvicorn-path")
    return options


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


def bench_env(var_dir: Path, src: Path | None) -> dict[str, str]:
    # Each server gets its own DATELINE_PAGE_CACHE_SECONDS, not the caller's.
    env = site_env(var_dir, drop=("DATELINE_PAGE_CACHE_SECONDS",))
    if src is not None:
        # Ahead of the editable install of the working tree in .venv.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    # Keeps the benchmark's entries apart from anything else in a shared Redis.
    env.setdefault("DATELINE_CACHE_PREFIX", "dateline-bench")
    return env


def measure(
    options: argparse.Namespace,
    env: dict[str, str],
    log_dir: Path,
    round_number: int,
    config: str,
    server_name: str,
    workers: int,
    results: list[Row],
) -> None:
    """Starts one server, runs wrk against each page, stops the server.

    Rows go into `results` as they are measured, so an interrupted run keeps them.
    """
    port = free_port()
    server_env = dict(env, DATELINE_PAGE_CACHE_SECONDS=str(CONFIGS[config]))
    log = log_dir / f"server-{config}-{server_name}-{workers}w-round{round_number}.log"
    command = server_command(server_name, port, workers, options.uvicorn_path)
    server = Server(server_env, log, port=port, args=command)
    rows: list[Row] = []
    progress(
        f"{CONFIG_LABELS[config]}: starting {server_name} with {workers} worker(s) on {server.url}"
    )
    try:
        server.start()
        server.wait_until_ready(PAGES[options.page[0]])
        for page in options.page:
            url = server.url + PAGES[page]
            status, headers, size = fetch(url)
            cache_control = headers.get("cache-control", "")
            for connections in options.connections:
                row = Row(config, server_name, workers, page, connections, None)
                rows.append(row)
                results.append(row)
                if status != 200:
                    row.add_note(f"GET {PAGES[page]} answered {status}, not 200")
                elif config == "cached" and "max-age" not in cache_control:
                    row.add_note("no max-age in Cache-Control: the page cache did not store it")
                elif config == "uncached" and "max-age" in cache_control:
                    row.add_note(f"Cache-Control {cache_control!r} with the page cache off")
                progress(
                    f"  {page} ({status}, {size} bytes): warm-up {options.warmup:g}s, "
                    f"then {options.duration:g}s with {connections} connections"
                )
                wrk_args = (options.wrk, url, options.threads, connections)
                if options.warmup > 0:
                    run_wrk(*wrk_args, options.warmup, options.timeout)
                row.result = run_wrk(*wrk_args, options.duration, options.timeout)
                if not server.running():
                    raise BenchError(f"server exited during the run:\n{tail(log)}")
    except BenchError as exc:
        progress(f"  failed: {exc}")
        if not rows or rows[-1].result is not None:
            rows.append(Row(config, server_name, workers, "-", 0, None))
            results.append(rows[-1])
        rows[-1].add_note(str(exc).splitlines()[0])
    finally:
        stop_note = server.stop(STOP_TIMEOUT, settle=SETTLE_SECONDS)
        if stop_note:
            progress(f"  {stop_note}")
        elif server.stop_s is not None:
            progress(f"  server stopped in {server.stop_s:.1f}s")
    # Notes about the server rather than one page start with "server".
    for note in (stop_note, log_problems(log)):
        for row in rows if note else ():
            row.add_note(note)


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    started = time.monotonic()
    load_before = os.getloadavg()[0]

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        progress(f"received {signal.Signals(signum).name}")
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_sigterm)
    signal.signal(signal.SIGHUP, on_sigterm)

    tmp = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    var_dir = tmp / "var"
    rows: list[Row] = []
    source = "?"
    env = bench_env(var_dir, None)
    failed = False
    try:
        src, source = source_tree(options.rev, tmp)
        env = bench_env(var_dir, src)
        setup_log = tmp / "setup.log"
        progress(f"loading the demo into {var_dir} (log: {setup_log})")
        load_demo(env, setup_log, collectstatic=True)

        # With --repeat, whole rounds over every configuration, so that a
        # neighbour's load that comes and goes spreads over all of them.
        matrix = list(itertools.product(options.config, options.server, options.workers))
        for round_number in range(1, options.repeat + 1):
            if options.repeat > 1:
                progress(f"round {round_number} of {options.repeat}")
            for config, server_name, workers in matrix:
                if time.monotonic() - started > options.budget:
                    raise BudgetSpent
                measure(options, env, tmp, round_number, config, server_name, workers, rows)
    except BudgetSpent:
        progress(f"time budget of {options.budget:g}s spent; skipping the rest")
    except KeyboardInterrupt:
        progress("interrupted")
    except BenchError as exc:
        progress(f"failed: {exc}")
        failed = True
    finally:
        if options.keep or failed or any(row.note for row in rows):
            progress(f"kept {tmp} (server logs, database)")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if failed:
        return 1

    print()
    print(f"Dateline page benchmark, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"machine   {os.cpu_count()} CPUs, {cpu_model()}; wrk runs on the same cores")
    print(
        f"software  Python {platform.python_version()}, "
        f"{version_of([venv_bin('granian'), '--version'])}, "
        f"{version_of([options.wrk, '--version']).split(' [')[0]}"
        + (
            f", uvicorn {uvicorn_version(options.uvicorn_path)}"
            if "uvicorn" in options.server
            else ""
        )
    )
    load_after = os.getloadavg()[0]
    busy = "  (other processes were busy: expect noise)" if load_before > 0.5 else ""
    print(f"load avg  {load_before:.2f} before the run, {load_after:.2f} at the end{busy}")
    print(f"source    {source}")
    print(f"database  {describe_database(env, var_dir)}")
    print(f"cache     {describe_cache(env)}")
    passed = [
        f"{name}={value}"
        for name, value in sorted(env.items())
        if name.startswith(("DATELINE_", "GRANIAN_", "UVICORN_"))
        and name not in {"DATELINE_VAR_DIR", "DATELINE_DEBUG", "DATELINE_CACHE_PREFIX"}
        and not re.search(r"SECRET|PASSWORD|TOKEN|KEY", name)
    ]
    if passed:
        print(f"env       {' '.join(passed)}")
    print(
        f"wrk       -t{options.threads} -c{'/'.join(map(str, options.connections))} "
        f"-d{options.duration:g}s --timeout={options.timeout} --latency, after a "
        f"{options.warmup:g}s warm-up"
        + (f"; {options.repeat} rounds, median shown" if options.repeat > 1 else "")
    )
    print("configs   uncached; page cache = DATELINE_PAGE_CACHE_SECONDS=60")
    print(
        "pages     "
        + ", ".join(f"{name} {path}" for name, path in PAGES.items() if name in options.page)
    )
    print()
    print_table(merge_repeats(rows))
    print(
        "\nerrors = wrk socket errors (connect, read, write, timeout); "
        "non-2xx/3xx = responses with another status."
    )
    print(f"total time {time.monotonic() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
