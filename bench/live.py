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

Every reader connects from 127.0.0.1, so the server runs with
DATELINE_LIVE_MAX_STREAMS_PER_IP=0: the cap on streams per address (20 by
default) would refuse all but the first few. `--server-env` can set it back
to see the cap at work; the report's header says which was used.

    .venv/bin/python bench/live.py                       # N = 1000 5000 10000 19000, 10 posts
    .venv/bin/python bench/live.py --quick               # N = 200, 3 posts
    .venv/bin/python bench/live.py --readers 2000 --posts 5
    .venv/bin/python bench/live.py --server-env DATELINE_MAX_CONNECTIONS=30000

The readers are asyncio protocols with a hand-written HTTP/1.1 request and SSE
splitter (bench/harness/readers.py; a few KB and no task of their own each).
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

The parts: bench/delivery/ (this benchmark's own) and bench/harness/ (the
server, the readers and the /proc sampler, shared with pages.py and the
browser tests).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

# Run as a script, this file's folder is on sys.path; the `bench` package needs its parent.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.delivery.measure import measure
from bench.delivery.outcome import Outcome
from bench.delivery.report import print_report, print_table
from bench.harness import BenchError
from bench.harness.procstat import raise_nofile_limit
from bench.harness.report import progress
from bench.harness.server import load_demo, site_env

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
DEFAULT_READERS = [1000, 5000, 10000, 19000]


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
        # Every reader comes from 127.0.0.1: without this, the cap on streams
        # per address would refuse all readers but the first few.
        DATELINE_LIVE_MAX_STREAMS_PER_IP="0",
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
