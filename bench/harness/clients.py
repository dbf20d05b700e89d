"""The client processes of one measurement, seen from the parent: start, follow, stop.

Each process runs one `readers.ReaderPool`. They are spawned, not forked, so
that none inherits the parent's sockets or its server's process group.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import time
from multiprocessing.connection import Connection
from typing import Any

from .readers import ClientPlan, client_main


class Clients:
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
