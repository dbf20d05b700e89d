"""With the README's production settings, Django's deployment check finds nothing to warn of."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

PRODUCTION = {
    "DATELINE_SECRET_KEY": secrets.token_urlsafe(50),
    "DATELINE_ALLOWED_HOSTS": "news.example.com",
    "DATELINE_BASE_URL": "https://news.example.com",
    "DATELINE_BEHIND_PROXY": "true",
    "DATELINE_HTTPS": "true",
    "DATELINE_TRUSTED_PROXIES": "1",
}


def test_the_deployment_check_is_clean_with_production_settings(tmp_path):
    env = {**os.environ, **PRODUCTION, "DATELINE_VAR_DIR": str(tmp_path)}
    done = subprocess.run(
        [Path(sys.executable).parent / "dateline", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
