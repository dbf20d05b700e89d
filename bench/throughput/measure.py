"""One server, one configuration: start it, check each page, run wrk against it, stop it."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.harness import BenchError
from bench.harness.http import fetch
from bench.harness.report import progress
from bench.harness.server import Server, free_port, tail

from .servers import log_problems, server_command
from .table import CONFIG_LABELS, Row
from .wrk import run_wrk

PAGES = {
    "front": "/es/",
    "article": "/es/tormenta-aurelia-apagon-costa-valdemar/",
}
CONFIGS = {"uncached": 0, "cached": 60}
STOP_TIMEOUT = 15.0
SETTLE_SECONDS = 2.0  # idle time between the last wrk run and stopping the server


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
