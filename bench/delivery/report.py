"""The live benchmark's printout: a header on the run, a row per N, then each N's details."""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
from collections.abc import Sequence
from pathlib import Path

from bench.harness.report import (
    cpu_model,
    describe_database,
    print_columns,
    read_sysctl,
    version_of,
)
from bench.harness.server import venv_bin

from .blog import BLOG_SLUG
from .outcome import Outcome

HEADER = (
    "readers",
    "clients",
    "connected",
    "failed",
    "got all",
    "dropped",
    "last p50",
    "last p99",
    "last max",
    "all p50",
    "all p99",
    "first p50",
    "POST p50",
    "RSS 0 MB",
    "RSS N MB",
    "KB/reader",
    "ramp s",
    "CPU ms/post",
)
LEGEND = (
    "\nlast = publish-to-last-reader latency per post (ms; p50/p99/max over the posts); "
    "all = over every\n(reader, post) delivery; first = publish-to-first-reader; POST = the "
    "publishing request's round trip;\nRSS 0 / RSS N = granian worker RSS before the readers "
    "/ with N idle readers; KB/reader = their\ndifference per connected reader; CPU ms/post "
    "= server CPU while the posts went out, per post."
)


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (p100 is the maximum); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def fmt_mb(kb: int) -> str:
    return f"{kb / 1024:.1f}" if kb else "-"


def row_cells(o: Outcome) -> tuple[str, ...]:
    per_reader = o.kb_per_reader
    cpu_per_post = (
        f"{o.cpu_publish_s * 1000 / o.published:.0f}"
        if o.cpu_publish_s is not None and o.published
        else "-"
    )
    return (
        str(o.readers),
        str(o.procs or "-"),
        str(o.connected),
        str(o.failed),
        str(o.complete),
        str(o.dropped),
        fmt_ms(percentile(o.last_ms, 50)),
        fmt_ms(percentile(o.last_ms, 99)),
        fmt_ms(max(o.last_ms) if o.last_ms else None),
        fmt_ms(percentile(o.all_ms, 50)),
        fmt_ms(percentile(o.all_ms, 99)),
        fmt_ms(percentile(o.first_ms, 50)),
        fmt_ms(percentile(o.post_ms, 50)),
        fmt_mb(o.rss_base_kb),
        fmt_mb(o.rss_idle_kb),
        f"{per_reader:.1f}" if per_reader is not None else "-",
        f"{o.ramp_s:.1f}" if o.ramp_s is not None else "-",
        cpu_per_post,
    )


def print_table(outcomes: list[Outcome]) -> None:
    print_columns([HEADER, *(row_cells(o) for o in outcomes)])


def print_details(outcomes: list[Outcome]) -> None:
    for o in outcomes:
        print(f"\nN={o.readers}:")
        print(
            f"  posts published {o.published}/{o.posts}; connect time p50/p99 "
            f"{fmt_ms(percentile(o.connect_ms, 50))}/{fmt_ms(percentile(o.connect_ms, 99))} ms; "
            f"per-post last-reader ms: {', '.join(fmt_ms(v) for v in o.last_ms) or '-'}"
        )
        if o.cpu_connect_s is not None and o.connected:
            print(
                f"  server: {o.workers} worker process(es), {o.server_fds} open fds with the "
                f"readers connected; CPU {o.cpu_connect_s * 1e6 / o.connected:.0f} us per "
                f"connect; RSS after the posts {fmt_mb(o.rss_after_kb)} MB"
            )
        if o.server_fds_after is not None and o.release_s is not None:
            print(
                f"  after the readers left: {o.server_fds_after} open fds in the server "
                f"{o.release_s:.1f}s later (the last look)"
            )
        if o.cpu_publish_s is not None and o.published and o.connected:
            per_delivery = o.cpu_publish_s * 1e6 / (o.published * o.connected)
            print(
                f"  server CPU while publishing: {o.cpu_publish_s:.2f}s in all, "
                f"{per_delivery:.0f} us per (reader, post)"
            )
            print(
                f"  client CPU: {o.client_cpu_s:.1f}s in all, {o.client_publish_cpu_s:.2f}s while "
                f"publishing ({o.client_publish_cpu_s * 1e6 / (o.published * o.connected):.0f} us "
                f"per (reader, post), in {o.procs} process(es))"
            )
        if o.machine_busy is not None:
            print(
                f"  machine: {o.machine_busy:.0%} of all cores busy while publishing "
                f"(server, clients and anything else); load average {o.load:.2f} at the start"
            )
        for text in o.notes:
            print(f"  note: {text}")


def print_report(
    outcomes: list[Outcome],
    options: argparse.Namespace,
    env: dict[str, str],
    var_dir: Path,
    nofile: int,
    load_before: float,
) -> None:
    """The header on the machine and the run, the table, its legend and the details."""
    print()
    when = dt.datetime.now().astimezone()
    print(f"Dateline live-blog delivery benchmark, {when:%Y-%m-%d %H:%M %Z}")
    print(f"machine   {os.cpu_count()} CPUs, {cpu_model()}; server and clients share them")
    print(
        f"limits    open files {nofile} (server and clients), somaxconn "
        f"{read_sysctl('net.core.somaxconn')}, ephemeral ports "
        f"{read_sysctl('net.ipv4.ip_local_port_range')}"
    )
    print(
        f"software  Python {platform.python_version()}, "
        f"{version_of([venv_bin('granian'), '--version'])}"
    )
    load_after = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    busy = "  (other work was running: expect noise)" if load_before > cores / 2 else ""
    print(f"load avg  {load_before:.2f} before the run, {load_after:.2f} at the end{busy}")
    print("server    dateline serve --workers 1 (granian; backpressure: DATELINE_MAX_CONNECTIONS)")
    cap = env.get("DATELINE_LIVE_MAX_STREAMS_PER_IP", "")
    lifted = "no cap" if cap == "0" else "readers past it are refused"
    print(
        f"streams   DATELINE_LIVE_MAX_STREAMS_PER_IP={cap or '(default)'} per address ({lifted}; "
        "every reader connects from 127.0.0.1)"
    )
    print(f"database  {describe_database(env, var_dir)}")
    print(f"broker    Redis {options.redis_url}")
    if options.server_env:
        print(f"env       {' '.join(options.server_env)}")
    print(
        f"run       {options.posts} post(s) per N, one every {options.interval:g}s, to "
        f"/es/{BLOG_SLUG}/; readers opened {options.batch} at a time, "
        f"{options.pause:g}s apart"
    )
    print()
    print_table(outcomes)
    print(LEGEND)
    print_details(outcomes)
