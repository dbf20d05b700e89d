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

The parts: bench/throughput/ (this benchmark's own) and bench/harness/ (the
server, shared with live.py and the browser tests).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType
from urllib.request import urlopen

# Run as a script, this file's folder is on sys.path; the `bench` package needs its parent.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BenchError
from bench.harness.report import cpu_model, describe_cache, describe_database, progress, version_of
from bench.harness.server import ROOT, Server, free_port, load_demo, site_env, venv_bin
from bench.throughput.costs import measure_costs, print_costs
from bench.throughput.measure import CONFIGS, PAGES, measure
from bench.throughput.servers import uvicorn_importable, uvicorn_version
from bench.throughput.source import source_tree
from bench.throughput.table import Row, merge_repeats, print_table
from bench.throughput.wrk import duration_ms, run_wrk

GROW = Path(__file__).resolve().parent / "throughput" / "grow.py"
EXPLAIN = Path(__file__).resolve().parent / "throughput" / "explain.py"


class BudgetSpent(Exception):
    pass


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
    parser.add_argument(
        "--costs",
        action="store_true",
        help="instead of wrk: each page's cost for one reader at a time, beside /robots.txt",
    )
    parser.add_argument(
        "--rounds", type=int, default=30, help="--costs: interleaved rounds per page [30]"
    )
    parser.add_argument(
        "--grow",
        type=int,
        nargs="*",
        metavar="N",
        help="--costs on the fresh demo, then again after adding N articles [20000] and "
        "a live blog of M posts [10000] (--grow N M); prints both, and EXPLAIN",
    )
    parser.add_argument(
        "--cached-vs",
        action="store_true",
        help="instead of the matrix: a cached article against a static file from the same "
        "server and a minimal Django view behind Django's per-site cache (wrk)",
    )
    options = parser.parse_args(argv)
    if options.grow is not None:
        options.costs = True
        defaults = [20_000, 10_000]  # articles, live posts
        options.grow = [*options.grow, *defaults[len(options.grow) :]][:2]
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


def bench_env(var_dir: Path, src: Path | None) -> dict[str, str]:
    # Each server gets its own DATELINE_PAGE_CACHE_SECONDS, not the caller's.
    env = site_env(var_dir, drop=("DATELINE_PAGE_CACHE_SECONDS",))
    if src is not None:
        # Ahead of the editable install of the working tree in .venv.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    # Keeps the benchmark's entries apart from anything else in a shared Redis.
    env.setdefault("DATELINE_CACHE_PREFIX", "dateline-bench")
    return env


def _serve(env: dict[str, str], log: Path, cache_seconds: int) -> Server:
    server = Server(dict(env, DATELINE_PAGE_CACHE_SECONDS=str(cache_seconds)), log)
    server.start()
    server.wait_until_ready("/robots.txt")
    return server


def run_costs(options: argparse.Namespace, env: dict[str, str], tmp: Path) -> None:
    """Each page's cost for one reader, on the fresh demo (and, with --grow, on the
    grown one), uncached, beside /robots.txt from the same server."""
    columns = {}
    server = _serve(env, tmp / "server-fresh.log", 0)
    try:
        progress(f"fresh demo: {options.rounds} interleaved rounds, one reader")
        columns["fresh"] = measure_costs(server.url, options.rounds)
    finally:
        server.stop(15, settle=1)
    if options.grow:
        articles, posts = options.grow
        progress(f"growing: {articles} articles, {posts} live posts (log: {tmp / 'grow.log'})")
        started = time.monotonic()
        with (tmp / "grow.log").open("w") as log:
            subprocess.run(
                [sys.executable, str(GROW), str(articles), str(posts)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                check=True,
                timeout=6 * 3600,
            )
        grew_s = time.monotonic() - started
        progress(f"grown in {grew_s:.0f}s: {(tmp / 'grow.log').read_text().splitlines()[-2:]}")
        server = _serve(env, tmp / "server-grown.log", 0)
        try:
            progress(f"grown archive: {options.rounds} interleaved rounds, one reader")
            columns[f"+{articles:,} art."] = measure_costs(server.url, options.rounds)
        finally:
            server.stop(15, settle=1)
    print()
    print(f"Dateline page costs, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(f"database  {describe_database(env, tmp / 'var')}; load avg {os.getloadavg()[0]:.2f}")
    print(f"one reader, {options.rounds} interleaved rounds, median ms; uncached")
    if options.grow:
        print(
            f"grown by {options.grow[0]:,} articles and {options.grow[1]:,} live posts "
            f"in {grew_s:.0f}s"
        )
    print()
    print_costs(columns)
    if options.grow:
        print("\nQuery plans on the grown archive:\n")
        explained = subprocess.run(
            [sys.executable, str(EXPLAIN)], env=env, capture_output=True, text=True, timeout=600
        )
        print(explained.stdout or explained.stderr)


def run_cached_vs(options: argparse.Namespace, env: dict[str, str], tmp: Path) -> None:
    """A cached article against a static file served by the same process, and
    against a minimal Django view behind Django's per-site cache middleware."""
    article = PAGES["article"]
    results = []
    server = _serve(env, tmp / "server-cached.log", 60)
    try:
        html = urlopen(server.url + article).read().decode()
        static = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
        for label, path in (("cached article", article), ("static file", static)):
            wrk_args = (options.wrk, server.url + path, options.threads, options.connections[0])
            run_wrk(*wrk_args, options.warmup, options.timeout)
            results.append((label, path, run_wrk(*wrk_args, options.duration, options.timeout)))
    finally:
        server.stop(15, settle=2)
    port = free_port()
    minimal = Server(
        dict(env, PYTHONPATH=str(ROOT)),
        tmp / "server-minimal.log",
        port=port,
        args=[
            venv_bin("granian"),
            "--interface",
            "asgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--no-ws",
            "bench.throughput.minimal_site:application",
        ],
    )
    minimal.start()
    try:
        minimal.wait_until_ready("/page/")
        wrk_args = (options.wrk, minimal.url + "/page/", options.threads, options.connections[0])
        run_wrk(*wrk_args, options.warmup, options.timeout)
        results.append(
            (
                "Django per-site cache",
                "/page/ (minimal site)",
                run_wrk(*wrk_args, options.duration, options.timeout),
            )
        )
    finally:
        minimal.stop(15, settle=2)
    print()
    print(
        f"Cached pages, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; granian, 1 worker; "
        f"wrk -t{options.threads} -c{options.connections[0]} -d{options.duration:g}s; "
        f"load avg {os.getloadavg()[0]:.2f}"
    )
    static_rate = results[1][2].requests_per_s or 0
    for label, path, result in results:
        rate = result.requests_per_s or 0
        print(
            f"{label:<22} {rate:>9.0f} req/s  p50 {result.latency_ms.get('p50', 0):>6.2f} ms  "
            f"p99 {result.latency_ms.get('p99', 0):>6.2f} ms  "
            f"cost xstatic {static_rate / rate if rate else float('nan'):.2f}  {path}"
        )


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

        if options.costs:
            run_costs(options, env, tmp)
            return 0
        if options.cached_vs:
            run_cached_vs(options, env, tmp)
            return 0
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
