"""What each reader's page costs, one reader at a time, beside `/robots.txt`.

Requests go out interleaved (robots.txt, then every page, round after round) on
one kept-alive connection, so that a neighbour's load falls on all of them
alike; each figure is the median of its rounds. Every page's cost is also given
as a multiple of robots.txt's, which the same server answers through the same
stack with no database.
"""

from __future__ import annotations

import http.client
import re
import statistics
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

ROBOTS = "/robots.txt"
# What readers and machines open most, in a fresh demo and in a grown one alike.
PATHS = {
    "robots.txt": ROBOTS,
    "front page": "/es/",
    "article": "/es/tormenta-aurelia-apagon-costa-valdemar/",
    "live blog": "/es/tormenta-aurelia-en-directo/",
    "live poll": "/api/v1/liveblogs/{blog}/events?after={seq}",
    "edition RSS": "/es/rss.xml",
    "edition JSON feed": "/es/feed.json",
    "sitemap index": "/sitemap.xml",
    "edition sitemap": "/sitemaps/es.xml",
    "search": "/es/search/?q=tormenta",
}


@dataclass
class Cost:
    name: str
    path: str
    status: int
    size: int
    median_ms: float
    p90_ms: float


def _get(connection: http.client.HTTPConnection, path: str) -> tuple[int, int, float]:
    started = time.perf_counter()
    connection.request("GET", path, headers={"Accept-Encoding": "identity"})
    response = connection.getresponse()
    body = response.read()
    return response.status, len(body), (time.perf_counter() - started) * 1000


def live_blog_position(base_url: str) -> dict[str, str]:
    """The Spanish live blog's id and a sequence number a little behind its last."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    connection.request("GET", PATHS["live blog"])
    html = connection.getresponse().read().decode()
    blog = re.search(r'data-blog-id="(\d+)"', html)
    seq = re.search(r'data-last-seq="(\d+)"', html)
    connection.close()
    last = int(seq.group(1)) if seq else 0
    return {"blog": blog.group(1) if blog else "0", "seq": str(max(0, last - 5))}


def measure_costs(base_url: str, rounds: int, warmup: int = 3) -> list[Cost]:
    position = live_blog_position(base_url)
    paths = {name: path.format(**position) for name, path in PATHS.items()}
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    times: dict[str, list[float]] = {name: [] for name in paths}
    answers: dict[str, tuple[int, int]] = {}
    for round_number in range(warmup + rounds):
        for name, path in paths.items():
            status, size, ms = _get(connection, path)
            answers[name] = (status, size)
            if round_number >= warmup:
                times[name].append(ms)
    connection.close()
    return [
        Cost(
            name,
            paths[name],
            *answers[name],
            statistics.median(times[name]),
            statistics.quantiles(times[name], n=10)[-1] if len(times[name]) > 1 else times[name][0],
        )
        for name in paths
    ]


def print_costs(columns: dict[str, list[Cost]]) -> None:
    """One row per path; per column (fresh, grown…) its median, its ratio to
    robots.txt's in the same run, and its size; with two columns, the change."""
    labels = list(columns)
    header = f"{'path':<18}"
    for label in labels:
        header += f" | {label + ' ms':>12} {'xrobots':>8} {'KB':>8}"
    if len(labels) == 2:
        header += f" | {'time':>7} {'size':>7}"
    print(header)
    print("-" * len(header))
    by_name = {label: {cost.name: cost for cost in costs} for label, costs in columns.items()}
    for name in by_name[labels[0]]:
        line = f"{name:<18}"
        for label in labels:
            cost = by_name[label][name]
            robots = by_name[label]["robots.txt"].median_ms
            status = "" if cost.status == 200 else f" ({cost.status})"
            line += (
                f" | {cost.median_ms:>12.2f} {cost.median_ms / robots:>7.1f}x"
                f" {cost.size / 1024:>8.1f}{status}"
            )
        if len(labels) == 2:
            first, second = by_name[labels[0]][name], by_name[labels[1]][name]
            line += (
                f" | {second.median_ms / first.median_ms:>6.2f}x"
                f" {second.size / max(first.size, 1):>6.2f}x"
            )
        print(line)
