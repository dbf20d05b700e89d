"""One measurement: a fresh server, N readers from client processes, M posts through the API."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import signal
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from bench.harness import BenchError, procstat, sse
from bench.harness.clients import Clients
from bench.harness.readers import PROGRESS_EVERY, ClientPlan
from bench.harness.report import progress
from bench.harness.server import HOST, Server, tail

from .blog import LIST_PATH, find_blog, get_token, last_seq, publish, stream_path
from .outcome import Outcome, collect

RELEASE_TIMEOUT = 30.0  # for the server to close the sockets of readers that left
SETTLE_SECONDS = 3.0  # idle time before reading the server's memory
STALL_SECONDS = 30.0  # the ramp gives up when no reader connected or failed for this long
CLIENT_GRACE = 60.0  # a client process stops by itself this long after its planned end


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Holds off SIGINT and SIGTERM while the server and clients are being stopped."""
    held: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda signum, frame: held.append(signum))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if held:
            raise KeyboardInterrupt


def client_plans(
    options: argparse.Namespace, n: int, port: int, path: str, marker: bytes
) -> tuple[list[ClientPlan], float]:
    """The client processes' shares of the N readers, and how long the ramp should take."""
    procs = options.client_procs or (1 if n <= options.split_above else 2)
    procs = max(1, min(procs, n))
    batch = max(1, options.batch // procs)
    ramp_estimate = (n / max(1, options.batch)) * (options.pause + 2.0) + options.connect_timeout
    planned = ramp_estimate + STALL_SECONDS + options.posts * options.interval + options.drain
    deadline = time.time() + planned + CLIENT_GRACE
    shares = [n // procs + (1 if i < n % procs else 0) for i in range(procs)]
    return [
        ClientPlan(
            name=f"live-bench-client-{i + 1}",
            port=port,
            path=path,
            count=share,
            batch=batch,
            pause=options.pause,
            marker=marker,
            posts=options.posts,
            connect_timeout=options.connect_timeout,
            deadline=deadline,
        )
        for i, share in enumerate(shares)
    ], ramp_estimate


def measure(options: argparse.Namespace, env: dict[str, str], tmp: Path, n: int) -> Outcome:
    outcome = Outcome(readers=n, posts=options.posts)
    log = tmp / f"server-{n}.log"
    server = Server(env, log)
    clients: Clients | None = None
    progress(f"N={n}: starting `dateline serve` on {server.url} (log: {log})")
    try:
        server.start()
        server.wait_until_ready(LIST_PATH)
        blog_id = find_blog(server.url)
        token = get_token(server.url)
        path = stream_path(blog_id, last_seq(server.url, blog_id))
        # One reader that connects and leaves: loads the stream code and the broker connection.
        sse.wait_for_retry(HOST, server.port, path)
        time.sleep(SETTLE_SECONDS)
        outcome.workers = len(server.workers())
        outcome.rss_base_kb = procstat.rss_kb(server.workers())
        fds_base = procstat.open_fds(server.workers())
        cpu_base = procstat.cpu_s(server.workers())

        run = secrets.token_hex(4)
        plans, ramp_estimate = client_plans(
            options, n, server.port, path, f"run={run} post=".encode()
        )
        outcome.procs = len(plans)
        progress(
            f"  blog {blog_id}, {outcome.workers} worker process(es), worker RSS "
            f"{outcome.rss_base_kb / 1024:.1f} MB; opening {n} readers from "
            f"{len(plans)} client process(es), {options.batch} at a time"
        )
        clients = Clients(plans)
        ramp(clients, server, outcome, ramp_estimate)
        progress(
            f"  {clients.total('connected')} connected, {clients.total('failed')} failed, "
            f"in {outcome.ramp_s:.1f}s; settling {SETTLE_SECONDS:g}s"
        )
        clients.poll(SETTLE_SECONDS)
        outcome.rss_idle_kb = procstat.rss_kb(server.workers())
        outcome.server_fds = procstat.open_fds(server.workers())
        clients.mark()
        cpu_idle = procstat.cpu_s(server.workers())
        machine_before = procstat.machine_cpu()
        outcome.load = os.getloadavg()[0]
        outcome.cpu_connect_s = cpu_idle - cpu_base

        sent = publish_posts(options, clients, server, outcome, blog_id, token, run)
        drain(options, clients, sent)
        outcome.cpu_publish_s = procstat.cpu_s(server.workers()) - cpu_idle
        machine_after = procstat.machine_cpu()
        if machine_after[1] > machine_before[1]:
            outcome.machine_busy = (machine_after[0] - machine_before[0]) / (
                machine_after[1] - machine_before[1]
            )
        outcome.rss_after_kb = procstat.rss_kb(server.workers())
        if not server.running():
            outcome.note(f"the server exited during the run:\n{tail(log)}")

        results = clients.stop(timeout=30)
        clients = None
        collect(outcome, results, sent)
        release(server, outcome, fds_base)
    except BenchError as exc:
        progress(f"  failed: {exc}")
        outcome.note(str(exc).splitlines()[0])
    finally:
        with interrupts_held():
            if clients is not None:
                clients.kill()
            stop_note = server.stop()
        if stop_note:
            outcome.note(stop_note)
    note_log_problems(outcome, log)
    return outcome


def ramp(clients: Clients, server: Server, outcome: Outcome, estimate: float) -> None:
    """Until every reader connected or failed, the ramp stalls, or time is up."""
    n = outcome.readers
    started = time.monotonic()
    deadline = started + estimate + STALL_SECONDS + 30
    last_change, last_state, last_report = started, (-1, -1), 0.0
    while True:
        clients.poll(PROGRESS_EVERY)
        state = (clients.total("connected"), clients.total("failed"))
        now = time.monotonic()
        if state != last_state:
            last_change, last_state = now, state
        if now - last_report >= 5:
            last_report = now
            progress(f"  connected {state[0]}, failed {state[1]} of {n}")
        if clients.ramp_done() and clients.total("opened") >= n and sum(state) >= n:
            break
        if not clients.alive():
            raise BenchError("a client process exited during the ramp")
        if not server.running():
            raise BenchError(f"the server exited during the ramp:\n{tail(server.log)}")
        if now - last_change > STALL_SECONDS:
            outcome.note(f"ramp stalled: nothing changed for {STALL_SECONDS:g}s")
            break
        if now > deadline:
            outcome.note(f"ramp not finished after {now - started:.0f}s")
            break
    outcome.ramp_s = time.monotonic() - started


def publish_posts(
    options: argparse.Namespace,
    clients: Clients,
    server: Server,
    outcome: Outcome,
    blog_id: int,
    token: str,
    run: str,
) -> list[float | None]:
    """Publishes M posts, one every --interval seconds; returns each one's send time or None."""
    sent: list[float | None] = []
    started = time.monotonic()
    for k in range(options.posts):
        clients.poll(max(0.0, started + k * options.interval - time.monotonic()))
        body = f"Bench live {run}: run={run} post={k} sent={time.time():.6f}"
        t0 = time.time()
        status, answer = publish(server.url, blog_id, token, body)
        t1 = time.time()
        if status == 201:
            sent.append(t0)
            outcome.published += 1
            outcome.post_ms.append((t1 - t0) * 1000)
        else:
            sent.append(None)
            outcome.note(f"post {k}: POST answered {status}: {str(answer)[:200]}")
    return sent


def drain(options: argparse.Namespace, clients: Clients, sent: list[float | None]) -> None:
    """Waits for every connected reader to get every post, within --drain seconds."""
    deadline = time.monotonic() + options.drain
    while time.monotonic() < deadline:
        clients.poll(PROGRESS_EVERY)
        alive = clients.total("connected") - clients.total("dropped")
        if all(clients.received(k) >= alive for k in range(options.posts) if sent[k] is not None):
            break
    clients.poll(0.5)


def release(server: Server, outcome: Outcome, fds_base: int) -> None:
    """Waits for the server to let go of the readers' sockets, now that they have gone.

    A few more descriptors than before the readers is fine: database files.
    """
    started = time.monotonic()
    while server.running() and time.monotonic() - started < RELEASE_TIMEOUT:
        outcome.server_fds_after = procstat.open_fds(server.workers())
        if outcome.server_fds_after <= fds_base + 64:
            break
        time.sleep(0.5)
    outcome.release_s = time.monotonic() - started


def note_log_problems(outcome: Outcome, log: Path) -> None:
    problems = [
        line
        for line in tail(log, 5000).splitlines()
        if re.search(r"Traceback|\bERROR\b|Error:|Too many open files|\[WARN", line)
    ]
    if problems:
        first = Counter(problems).most_common(3)
        shown = "; ".join(f"{line.strip()[:160]} (x{count})" for line, count in first)
        outcome.note(f"{len(problems)} error/warning line(s) in {log.name}: {shown}")
