"""Live-blog delivery over Server-Sent Events: readers held, latency, memory per reader.

Loads the demo newsroom into a temporary DATELINE_VAR_DIR and, for each reader
count N, starts a fresh production-like server (`dateline serve --workers 1`,
with the Redis broker), opens N SSE readers over loopback to the Spanish live
blog's stream, publishes M posts through the API (the normal path: transaction,
event, notification after commit) and prints, per N:

- readers connected (a reader counts once it got the stream's `retry:` line),
  readers that got every post, readers dropped or refused;
- publish-to-last-reader latency per post (the moment the last reader saw the
  post minus the moment the POST started) as p50/p99/max over the posts, and
  p50/p99 over every (reader, post) delivery;
- server memory per idle reader: (worker RSS with N readers connected - worker
  RSS before the readers) / N, from VmRSS in /proc/<pid>/status of the granian
  worker process(es);
- server CPU per post while the posts were fanned out.

It prints figures and asserts nothing.

    .venv/bin/python bench/live.py                       # N = 1000 5000 10000 19000, 10 posts
    .venv/bin/python bench/live.py --quick               # N = 200, 3 posts
    .venv/bin/python bench/live.py --readers 2000 --posts 5
    .venv/bin/python bench/live.py --server-env DATELINE_MAX_CONNECTIONS=30000

The readers are asyncio protocols with a hand-written HTTP/1.1 request and SSE
splitter (a few KB and no task of their own each).
Above --split-above readers they run in two client processes, so that the
client is not what is measured. Server and
clients share the machine's cores, and the client clock is the server's clock.
The server gets REDIS_URL from --redis-url (default redis://127.0.0.1:6379/13)
and the caller's DATABASE_URL; without DATABASE_URL it uses SQLite in the
temporary directory. The Redis cache keys and pub/sub channels get a prefix of
their own for each run, and the run's cache keys are deleted at the end.
The open-files limit of the server and the clients is raised to the hard limit.
Everything runs on 127.0.0.1, every wait has a time limit, and the server and
clients are stopped at the end, on errors and on Ctrl+C.

The server launcher and the /proc sampler are bench/harness/'s, shared with
pages.py.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import math
import multiprocessing
import multiprocessing.connection
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import struct
import sys
import tempfile
import time
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

# Run as a script, this file's folder is on sys.path; the `bench` package needs its parent.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BenchError, procstat
from bench.harness.http import USER_AGENT, Dechunker, request_json
from bench.harness.procstat import own_cpu_s, raise_nofile_limit
from bench.harness.report import (
    cpu_model,
    describe_database,
    print_columns,
    progress,
    read_sysctl,
    version_of,
)
from bench.harness.server import HOST, Server, load_demo, site_env, tail, venv_bin

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
DEFAULT_READERS = [1000, 5000, 10000, 19000]


EDITION = "es"
BLOG_SLUG = "tormenta-aurelia-en-directo"
USERNAME, PASSWORD = "admin", "dateline-demo"  # the demo's superuser: may post anywhere
LIST_PATH = f"/api/v1/liveblogs/?edition={EDITION}"


def find_blog(base: str) -> int:
    status, body = request_json("GET", f"{base}{LIST_PATH}&limit=100")
    if status != 200:
        raise BenchError(f"GET /api/v1/liveblogs/ answered {status}: {body}")
    for item in body["items"]:
        if urlsplit(item["url"]).path.rstrip("/").endswith(f"/{BLOG_SLUG}"):
            return int(item["id"])
    raise BenchError(f"no live blog {BLOG_SLUG!r} in edition {EDITION!r}: was the demo loaded?")


def get_token(base: str) -> str:
    status, body = request_json(
        "POST", f"{base}/api/v1/auth/token", {"username": USERNAME, "password": PASSWORD}
    )
    if status != 200 or not isinstance(body, dict) or "token" not in body:
        raise BenchError(f"POST /api/v1/auth/token answered {status}: {body}")
    return body["token"]


def last_seq(base: str, blog_id: int) -> int:
    status, body = request_json("GET", f"{base}/api/v1/liveblogs/{blog_id}")
    if status != 200:
        raise BenchError(f"GET /api/v1/liveblogs/{blog_id} answered {status}: {body}")
    return int(body["last_seq"])


def stream_path(blog_id: int, after: int) -> str:
    return f"/api/v1/liveblogs/{blog_id}/stream?after={after}"


def publish(base: str, blog_id: int, token: str, body: str) -> tuple[int, Any]:
    """Posts through the API (transaction, event, notification after commit); 201 on success."""
    try:
        return request_json(
            "POST", f"{base}/api/v1/liveblogs/{blog_id}/posts", {"body": body}, token
        )
    except OSError as exc:
        return 0, f"{type(exc).__name__}: {exc}"


# --- the readers (client processes) ----------------------------------------


def sse_request(host: str, port: int, path: str) -> bytes:
    """The HTTP/1.1 request that opens a stream."""
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        "Accept: text/event-stream\r\nCache-Control: no-cache\r\n"
        f"User-Agent: {USER_AGENT}\r\n\r\n"
    ).encode()


class Splitter:
    """Cuts a stream's bytes into whole messages, keeping a partial one for the next feed."""

    __slots__ = ("buffer",)

    def __init__(self) -> None:
        self.buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        buffer = self.buffer
        buffer += data
        messages = []
        while (end := buffer.find(b"\n\n")) >= 0:
            messages.append(bytes(buffer[:end]))
            del buffer[: end + 2]
        return messages


def wait_for_retry(host: str, port: int, path: str, timeout: float = 10.0) -> None:
    """Opens a stream, waits for its `retry:` line and leaves: one reader that comes and goes."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(sse_request(host, port, path))
        received = b""
        deadline = time.monotonic() + timeout
        while b"retry:" not in received and time.monotonic() < deadline:
            data = sock.recv(65536)
            if not data:
                break
            received += data
        if b"retry:" not in received:
            raise BenchError(f"the reader got no `retry:` line: {received[:300]!r}")


PROGRESS_EVERY = 0.5  # seconds between a client process's progress reports


@dataclass
class ClientPlan:
    """What one client process does: open `count` readers of `path` and record posts."""

    name: str
    port: int
    path: str
    count: int
    batch: int
    pause: float
    marker: bytes  # precedes the post's index in its body
    posts: int
    connect_timeout: float
    deadline: float  # time.time() at which the process stops by itself


class SSEReader(asyncio.Protocol):
    """One SSE reader: notes when it connected and when each post arrived."""

    def __init__(self, pool: ReaderPool, ready: asyncio.Future[None], loop) -> None:
        self.pool = pool
        self.ready = ready
        self.started = time.time()
        self.connected = False
        self.seen = 0
        self.head: bytearray | None = bytearray()  # None once the headers are read
        self.messages = Splitter()
        self.dechunker: Dechunker | None = None
        self.transport: asyncio.Transport | None = None
        self.closed = loop.create_future()
        self.limit = loop.call_later(pool.plan.connect_timeout, self._too_slow)

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.pool.transports.add(transport)
        transport.write(self.pool.request)

    def data_received(self, data: bytes) -> None:
        now = time.time()
        if self.head is not None:
            self.head += data
            end = self.head.find(b"\r\n\r\n")
            if end < 0:
                return
            head, data = bytes(self.head[:end]), bytes(self.head[end + 4 :])
            self.head = None
            if not head.startswith(b"HTTP/1.1 200"):
                status = head.split(b"\r\n", 1)[0].decode("latin-1")
                self.finish(f"answered {status!r}")
                return
            if b"transfer-encoding: chunked" in head.lower():
                self.dechunker = Dechunker()
        pool = self.pool
        if self.dechunker is not None:
            data = self.dechunker.feed(data)
        # Raw prefixes rather than sse.Message.parse: this runs once per
        # (reader, post), on the cores the server is measured on.
        for message in self.messages.feed(data):
            if message.startswith(b":"):
                pool.heartbeats += 1
            elif message.startswith(b"retry:"):
                if not self.connected:
                    self._connected(now)
            elif (match := pool.post_re.search(message)) is not None:
                bit = 1 << int(match.group(1))
                if self.seen & bit:
                    pool.duplicates += 1
                elif bit <= pool.full:
                    self.seen |= bit
                    pool.arrivals[int(match.group(1))].append(now)
                    if self.seen == pool.full:
                        pool.complete += 1
            elif b"event: reset" in message:
                self.finish("event: reset")
                return
            else:
                pool.other_events += 1
        if self.dechunker is not None and self.dechunker.done:
            self.finish("the server ended the stream")

    def _connected(self, now: float) -> None:
        pool = self.pool
        self.connected = True
        pool.connected += 1
        pool.connect_ms.append((now - self.started) * 1000)
        if not self.ready.done():
            self.ready.set_result(None)
        # From here only the run's own deadline limits the reader.
        self.limit.cancel()
        self.limit = asyncio.get_running_loop().call_later(
            max(1.0, pool.plan.deadline - now), self._deadline
        )

    def eof_received(self) -> bool:
        self.finish(
            "the server ended the stream"
            if self.head is None
            else "connection closed before the response headers"
        )
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        if exc is not None:
            self.finish(f"{type(exc).__name__}: {exc}")
        else:
            self.finish("the server ended the stream")

    def _too_slow(self) -> None:
        self.finish("no `retry:` within the connect timeout")

    def _deadline(self) -> None:
        self.finish("deadline reached")

    def finish(self, reason: str) -> None:
        """Ends this reader once, counting it as failed or dropped."""
        if self.closed.done():
            return
        self.limit.cancel()
        self.pool.lost(self.connected, reason)
        if self.transport is not None:
            self.pool.transports.discard(self.transport)
            self.transport.abort()
        if not self.ready.done():
            self.ready.set_result(None)
        self.closed.set_result(None)


class ReaderPool:
    """The readers of one client process, and what they saw."""

    def __init__(self, plan: ClientPlan, conn: Connection) -> None:
        self.plan = plan
        self.conn = conn
        self.request = sse_request(HOST, plan.port, plan.path)
        self.post_re = re.compile(re.escape(plan.marker) + rb"(\d+)")
        self.full = (1 << plan.posts) - 1
        self.opened = self.connected = self.failed = self.dropped = self.complete = 0
        self.ramp_done = False
        self.stopping = False
        self.failures: Counter[str] = Counter()
        self.drops: Counter[str] = Counter()
        self.arrivals = [array("d") for _ in range(plan.posts)]
        self.connect_ms = array("d")
        self.heartbeats = self.duplicates = self.other_events = 0
        self.transports: set[asyncio.Transport] = set()
        self.tasks: list[asyncio.Task[None]] = []
        self.command = asyncio.Event()
        self.mark_cpu: float | None = None  # CPU seconds used when the posts began

    async def read_stream(self, ready: asyncio.Future[None]) -> None:
        loop = asyncio.get_running_loop()
        reader = SSEReader(self, ready, loop)
        try:
            await loop.create_connection(lambda: reader, HOST, self.plan.port)
        except OSError as exc:
            reader.finish(f"{type(exc).__name__}: {exc}")
            return
        await reader.closed

    def lost(self, connected: bool, reason: str) -> None:
        """Counts a reader that ended: dropped once connected, failed before."""
        if self.stopping:
            return
        if connected:
            self.dropped += 1
            self.drops[reason] += 1
        else:
            self.failed += 1
            self.failures[reason] += 1

    async def ramp(self) -> None:
        loop = asyncio.get_running_loop()
        plan = self.plan
        for start in range(0, plan.count, plan.batch):
            ready = [loop.create_future() for _ in range(min(plan.batch, plan.count - start))]
            self.tasks += [asyncio.create_task(self.read_stream(future)) for future in ready]
            self.opened += len(ready)
            await asyncio.wait(ready, timeout=plan.connect_timeout + 1)
            await asyncio.sleep(plan.pause)
        self.ramp_done = True

    def snapshot(self) -> dict[str, Any]:
        return {
            "opened": self.opened,
            "connected": self.connected,
            "failed": self.failed,
            "dropped": self.dropped,
            "complete": self.complete,
            "ramp_done": self.ramp_done,
            "received": [len(times) for times in self.arrivals],
        }

    async def run(self) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        loop.add_reader(self.conn.fileno(), self.command.set)
        ramp = asyncio.create_task(self.ramp())
        try:
            while time.time() < self.plan.deadline:
                self.conn.send(("progress", self.snapshot()))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.command.wait(), PROGRESS_EVERY)
                if self.command.is_set():
                    self.command.clear()
                    commands = []
                    while self.conn.poll():
                        commands.append(self.conn.recv())
                    if "mark" in commands:
                        self.mark_cpu = own_cpu_s()
                    if "stop" in commands:
                        break
        finally:
            loop.remove_reader(self.conn.fileno())
            self.stopping = True
            ramp.cancel()
            self._reset_all()
            for task in self.tasks:
                task.cancel()
            if self.tasks:
                await asyncio.wait(self.tasks, timeout=10)
        cpu = own_cpu_s()
        return {
            **self.snapshot(),
            "failures": dict(self.failures),
            "drops": dict(self.drops),
            "arrivals": [times.tobytes() for times in self.arrivals],
            "connect_ms": self.connect_ms.tobytes(),
            "heartbeats": self.heartbeats,
            "duplicates": self.duplicates,
            "other_events": self.other_events,
            "cpu_s": cpu,
            "cpu_publish_s": cpu - self.mark_cpu if self.mark_cpu is not None else None,
        }

    def _reset_all(self) -> None:
        # Reset rather than close, so that no TIME_WAIT is left behind.
        for transport in list(self.transports):
            with contextlib.suppress(OSError):
                sock = transport.get_extra_info("socket")
                if sock is not None:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            transport.abort()


def client_main(conn: Connection, plan: ClientPlan) -> None:
    """Entry point of a client process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    raise_nofile_limit()
    try:
        result: dict[str, Any] = asyncio.run(ReaderPool(plan, conn).run())
    except Exception as exc:
        result = {"error": f"{type(exc).__name__}: {exc}"}
    with contextlib.suppress(OSError):
        conn.send(("result", result))
    conn.close()


class Clients:
    """The client processes of one measurement, seen from the parent."""

    def __init__(self, plans: list[ClientPlan]) -> None:
        context = multiprocessing.get_context("spawn")
        self.plans = plans
        self.latest: list[dict[str, Any]] = [{} for _ in plans]
        self.results: list[dict[str, Any] | None] = [None for _ in plans]
        self.conns: list[Connection] = []  # those still open
        self.index: dict[Connection, int] = {}  # a connection's client, by position in plans
        self.processes: list[multiprocessing.process.BaseProcess] = []
        for plan in plans:
            parent, child = context.Pipe()
            process = context.Process(
                target=client_main, args=(child, plan), name=plan.name, daemon=True
            )
            process.start()
            child.close()
            self.index[parent] = len(self.conns)
            self.conns.append(parent)
            self.processes.append(process)

    def poll(self, timeout: float) -> None:
        """Takes in every message that arrives within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            ready = multiprocessing.connection.wait(self.conns, timeout=max(0.0, left))
            for conn in ready:
                index = self.index[conn]
                try:
                    kind, payload = conn.recv()
                except (EOFError, OSError):
                    self.conns.remove(conn)
                    conn.close()
                    continue
                if kind == "progress":
                    self.latest[index] = payload
                elif kind == "result":
                    self.results[index] = payload
            if left <= 0 or not self.conns:
                return

    def total(self, key: str) -> int:
        return sum(int(latest.get(key, 0)) for latest in self.latest)

    def received(self, post: int) -> int:
        return sum(latest.get("received", [0] * (post + 1))[post] for latest in self.latest)

    def ramp_done(self) -> bool:
        return all(latest.get("ramp_done") for latest in self.latest)

    def alive(self) -> bool:
        return all(process.is_alive() for process in self.processes)

    def mark(self) -> None:
        """Asks the clients to note their CPU time: the posts begin."""
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.send("mark")

    def stop(self, timeout: float) -> list[dict[str, Any]]:
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.send("stop")
        deadline = time.monotonic() + timeout
        while any(result is None for result in self.results) and time.monotonic() < deadline:
            if not self.conns:
                break
            self.poll(0.5)
        self.kill(wait=5)
        return [
            result if result is not None else {"error": "no result from the client process"}
            for result in self.results
        ]

    def kill(self, wait: float = 0.0) -> None:
        """Ends the client processes, after `wait` seconds for those that are finishing."""
        for process in self.processes:
            process.join(timeout=wait)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
        for conn in self.conns:
            conn.close()
        self.conns = []


# --- one measurement ----------------------------------------------------------


@dataclass
class Outcome:
    readers: int
    procs: int = 0
    connected: int = 0
    failed: int = 0
    complete: int = 0
    dropped: int = 0
    posts: int = 0
    published: int = 0
    last_ms: list[float] = field(default_factory=list)  # per post: last reader
    first_ms: list[float] = field(default_factory=list)  # per post: first reader
    all_ms: list[float] = field(default_factory=list)  # every (reader, post) delivery
    post_ms: list[float] = field(default_factory=list)  # POST round trips
    missing: list[int] = field(default_factory=list)  # per post: connected readers without it
    connect_ms: list[float] = field(default_factory=list)
    ramp_s: float | None = None
    rss_base_kb: int = 0
    rss_idle_kb: int = 0
    rss_after_kb: int = 0
    cpu_connect_s: float | None = None
    cpu_publish_s: float | None = None
    machine_busy: float | None = None  # share of all cores busy while the posts went out
    load: float | None = None  # 1-minute load average when publishing started
    server_fds: int = 0
    server_fds_after: int | None = None  # once the readers had gone
    release_s: float | None = None
    workers: int = 0
    client_cpu_s: float = 0.0
    client_publish_cpu_s: float = 0.0
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    @property
    def kb_per_reader(self) -> float | None:
        if not self.connected or not self.rss_idle_kb:
            return None
        return (self.rss_idle_kb - self.rss_base_kb) / self.connected


def collect(outcome: Outcome, results: list[dict[str, Any]], sent: list[float | None]) -> None:
    """Adds up what the client processes saw; `sent` holds each post's send time (None: failed)."""
    arrivals: list[array[float]] = [array("d") for _ in sent]
    failures: Counter[str] = Counter()
    drops: Counter[str] = Counter()
    heartbeats = duplicates = others = 0
    for index, result in enumerate(results, 1):
        if "error" in result:
            outcome.note(f"client process {index}: {result['error']}")
            continue
        outcome.connected += result["connected"]
        outcome.failed += result["failed"]
        outcome.dropped += result["dropped"]
        outcome.complete += result["complete"]
        outcome.client_cpu_s += result["cpu_s"]
        outcome.client_publish_cpu_s += result["cpu_publish_s"] or 0.0
        failures.update(result["failures"])
        drops.update(result["drops"])
        heartbeats += result["heartbeats"]
        duplicates += result["duplicates"]
        others += result["other_events"]
        for k, raw in enumerate(result["arrivals"]):
            arrivals[k].frombytes(raw)
        times = array("d")
        times.frombytes(result["connect_ms"])
        outcome.connect_ms += times.tolist()
    for k, t0 in enumerate(sent):
        if t0 is None:
            continue
        outcome.missing.append(outcome.connected - len(arrivals[k]))
        if arrivals[k]:
            outcome.last_ms.append((max(arrivals[k]) - t0) * 1000)
            outcome.first_ms.append((min(arrivals[k]) - t0) * 1000)
            outcome.all_ms += [(t - t0) * 1000 for t in arrivals[k]]
    if failures:
        shown = ", ".join(f"{reason} (x{count})" for reason, count in failures.most_common(5))
        outcome.note(f"readers that never connected: {shown}")
    if drops:
        shown = ", ".join(f"{reason} (x{count})" for reason, count in drops.most_common(5))
        outcome.note(f"readers lost after connecting: {shown}")
    if any(outcome.missing):
        outcome.note(f"connected readers without the post, per post: {outcome.missing}")
    if duplicates:
        outcome.note(f"{duplicates} duplicate post deliveries")
    if others:
        outcome.note(f"{others} other events (not the bench's posts)")
    if heartbeats:
        outcome.note(f"{heartbeats} heartbeats received in all")


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
        wait_for_retry(HOST, server.port, path)
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


# --- reporting -------------------------------------------------------------------


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


# --- main ------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Live-blog SSE delivery: readers held, publish-to-reader latency, memory."
    )
    parser.add_argument(
        "--readers",
        type=int,
        nargs="+",
        default=DEFAULT_READERS,
        help=f"reader counts, a fresh server for each [{' '.join(map(str, DEFAULT_READERS))}]",
    )
    parser.add_argument("--posts", type=int, default=10, help="posts published per N [10]")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between posts [1]")
    parser.add_argument("--quick", action="store_true", help="N=200 with 3 posts, a smoke test")
    parser.add_argument("--batch", type=int, default=500, help="readers opened at a time [500]")
    parser.add_argument("--pause", type=float, default=0.1, help="pause between batches [0.1]")
    parser.add_argument(
        "--connect-timeout",
        type=float,
        default=30.0,
        help="seconds for a reader to get its `retry:` line [30]",
    )
    parser.add_argument(
        "--drain",
        type=float,
        default=30.0,
        help="seconds to wait after the last post for every reader to get it [30]",
    )
    parser.add_argument(
        "--split-above",
        type=int,
        default=10_000,
        help="use two client processes above this many readers [10000]",
    )
    parser.add_argument(
        "--client-procs", type=int, default=0, help="client processes (0: automatic) [0]"
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_LIVE_REDIS_URL", DEFAULT_REDIS_URL),
        help=f"the server's REDIS_URL (the broker) [{DEFAULT_REDIS_URL}]",
    )
    parser.add_argument(
        "--server-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra environment for the server, e.g. DATELINE_MAX_CONNECTIONS=30000 (repeatable)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=3600.0,
        help="stop starting new measurements after this many seconds [3600]",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory (kept anyway on problems)"
    )
    options = parser.parse_args(argv)
    if options.quick:
        options.readers, options.posts = [200], 3
    if min(*options.readers, options.posts, options.batch) < 1:
        parser.error("--readers, --posts and --batch must be at least 1")
    if options.posts > 60:
        parser.error("--posts is at most 60")
    for item in options.server_env:
        if "=" not in item:
            parser.error(f"--server-env wants NAME=VALUE, not {item!r}")
    return options


def bench_env(options: argparse.Namespace, var_dir: Path, prefix: str) -> dict[str, str]:
    env = site_env(
        var_dir,
        REDIS_URL=options.redis_url,
        # Keeps this run's cache entries and pub/sub channels (which Redis shares
        # across its numbered databases) apart from anything else on that Redis.
        DATELINE_CACHE_PREFIX=prefix,
        DATELINE_LIVE_CHANNEL_PREFIX=prefix,
    )
    env.update(item.split("=", 1) for item in options.server_env)
    return env


def forget_cache(redis_url: str, prefix: str) -> None:
    """Deletes the run's own cache entries from Redis (they all start with its prefix)."""
    with contextlib.suppress(Exception):
        import redis

        client = redis.Redis.from_url(redis_url, socket_timeout=10, socket_connect_timeout=5)
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
        client.close()


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    started = time.monotonic()
    load_before = os.getloadavg()[0]

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_sigterm)
    nofile = raise_nofile_limit()
    tmp = Path(tempfile.mkdtemp(prefix="dateline-live-bench-"))
    var_dir = tmp / "var"
    prefix = f"live-bench-{os.getpid()}-{secrets.token_hex(3)}"
    env = bench_env(options, var_dir, prefix)
    outcomes: list[Outcome] = []
    failed = interrupted = False
    try:
        setup_log = tmp / "setup.log"
        progress(f"loading the demo into {var_dir} (log: {setup_log})")
        load_demo(env, setup_log)
        for n in options.readers:
            if time.monotonic() - started > options.budget:
                progress(f"time budget of {options.budget:g}s spent; skipping N={n} and after")
                break
            outcome = measure(options, env, tmp, n)
            outcomes.append(outcome)
            print_table([outcome])
    except KeyboardInterrupt:
        progress("interrupted")
        interrupted = True
    except BenchError as exc:
        progress(f"failed: {exc}")
        failed = True
    finally:
        forget_cache(options.redis_url, prefix)
        if options.keep or failed or interrupted or any(o.notes for o in outcomes):
            progress(f"kept {tmp} (server logs, database)")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if failed and not outcomes:
        return 1

    print_report(outcomes, options, env, var_dir, nofile, load_before)
    print(f"\ntotal time {time.monotonic() - started:.0f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
