from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

SHARED = Path("/work/shared/wire-samples")
OURS = Path(__file__).parent / "samples"


def shared_sample(name: str) -> bytes:
    """One of the real agency samples the newsroom shares (skipped where absent)."""
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    return path.read_bytes()


def sample(name: str) -> bytes:
    return (OURS / name).read_bytes()


@pytest.fixture
def samples_dir() -> Path:
    return OURS


class FeedHandler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):
        body = self.routes.get(self.path)
        if body == "slow":
            time.sleep(3)
            body = b""
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def feed_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    FeedHandler.routes = {
        "/feed.rss": sample("feed.rss"),
        "/garbage": b"\x00\x01 not a feed",
        "/slow": "slow",
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
