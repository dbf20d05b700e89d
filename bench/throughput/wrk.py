"""wrk, the load generator: run it against a URL and read the figures it prints."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field

from bench.harness import BenchError

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = re.compile(r"^([\d.]+)(us|ms|s|m|h)$")


@dataclass
class WrkResult:
    requests_per_s: float | None = None
    requests: int | None = None
    latency_ms: dict[str, float] = field(default_factory=dict)
    socket_errors: dict[str, int] = field(default_factory=dict)
    non_2xx_3xx: int = 0

    @property
    def errors(self) -> int:
        return sum(self.socket_errors.values())


def duration_ms(text: str) -> float:
    """Converts one of wrk's durations (`812.41us`, `1.08s`, `2.00m`) to milliseconds."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output: str) -> WrkResult:
    result = WrkResult()
    in_distribution = False
    for line in output.splitlines():
        stripped = line.strip()
        if stripped.startswith("Latency Distribution"):
            in_distribution = True
            continue
        if in_distribution:
            match = re.match(r"^(\d+(?:\.\d+)?)%\s+(\S+)$", stripped)
            if match:
                result.latency_ms[f"p{match.group(1).removesuffix('.0')}"] = duration_ms(
                    match.group(2)
                )
                continue
            in_distribution = False
        match = re.match(r"^(\d+) requests in ", stripped)
        if match:
            result.requests = int(match.group(1))
        match = re.match(r"^Requests/sec:\s+([\d.]+)", stripped)
        if match:
            result.requests_per_s = float(match.group(1))
        match = re.match(r"^Non-2xx or 3xx responses:\s+(\d+)", stripped)
        if match:
            result.non_2xx_3xx = int(match.group(1))
        if stripped.startswith("Socket errors:"):
            for name, count in re.findall(r"(\w+) (\d+)", stripped.partition(":")[2]):
                result.socket_errors[name] = int(count)
    return result


def run_wrk(
    wrk: str, url: str, threads: int, connections: int, seconds: float, timeout: str
) -> WrkResult:
    args = [
        wrk,
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        f"--timeout={timeout}",
        "--latency",
        url,
    ]
    try:
        completed = subprocess.run(
            args,
            capture_output=True,
            text=True,
            timeout=seconds + duration_ms(timeout) / 1000 + 30,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"wrk did not finish: {' '.join(args)}") from None
    if completed.returncode != 0:
        raise BenchError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse_wrk(completed.stdout)
