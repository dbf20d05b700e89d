"""What one measurement saw: counts, latencies, memory and CPU, and notes on what went wrong."""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


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
