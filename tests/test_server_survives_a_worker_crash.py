"""A server worker that dies is replaced: the site stays up."""

from __future__ import annotations

import os
import signal
import time

from bench.harness.http import answers
from bench.harness.server import Server, run_step, site_env, venv_bin


def test_a_killed_worker_is_replaced_and_the_site_answers_again(tmp_path):
    env = site_env(tmp_path, drop=("DATABASE_URL", "REDIS_URL"), DATELINE_CLOCK_SECONDS="0")
    run_step([venv_bin("dateline"), "migrate", "--no-input", "-v0"], env, tmp_path / "log", 300)
    with Server(env, tmp_path / "server.log") as server:
        os.kill(server.workers()[0], signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (
            server.running() and server.workers() and answers(server.url + "/robots.txt")
        ):
            time.sleep(0.5)
        assert answers(server.url + "/robots.txt")
