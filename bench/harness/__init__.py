"""What the benchmarks share: a production-like server, requests to it, and what /proc says.

- `server`: start and stop `dateline serve` (or another ASGI command) on a free
  loopback port, with a scrubbed environment and a demo newsroom of its own.
- `http`: JSON and plain requests over loopback; an HTTP/1.1 chunked decoder.
- `procstat`: what /proc says about the server's processes and the machine.
- `report`: the lines every benchmark prints about the machine and the run.
"""

from __future__ import annotations


class BenchError(RuntimeError):
    """A step of a benchmark failed; the message says which."""
