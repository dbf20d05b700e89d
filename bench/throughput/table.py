"""The page benchmark's table: a row per configuration, server, workers, page and connections."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.harness.report import print_columns

from .wrk import WrkResult

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
