"""What the benchmarks and the browser tests share: a production-like server and its clients.

- `server`: start and stop `dateline serve` (or another ASGI command) on a free
  loopback port, with a scrubbed environment and a demo newsroom of its own.
- `http`: JSON and plain requests over loopback; an HTTP/1.1 chunked decoder.
- `sse`: the Server-Sent Events request, message splitter and field parser.
- `readers`, `clients`: thousands of SSE readers in client processes.
- `procstat`: what /proc says about the server's processes and the machine.
- `report`: the lines every benchmark prints about the machine and the run.
"""

from __future__ import annotations


class BenchError(RuntimeError):
    """A step of a benchmark (or of a test's server) failed; the message says which."""
