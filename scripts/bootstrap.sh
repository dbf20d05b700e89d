#!/usr/bin/env bash
# Creates .venv from the lock file. Idempotent: the Makefile calls it only when
# pyproject.toml or uv.lock changed since the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
UV_VERSION=0.13.9

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Dateline needs Python 3.11 or newer as '$PYTHON' (set PYTHON=/path/to/python3.11)." >&2
    exit 1
fi
if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing python3-venv..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
    else
        echo "Python's venv module is missing: install it (Debian: sudo apt-get install python3-venv)." >&2
        exit 1
    fi
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
# --compile-bytecode: every process (the server, each `dateline` command, the
# suite) then loads the installed packages compiled, also where
# PYTHONDONTWRITEBYTECODE is set.
UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT=.venv \
    .venv/bin/uv sync --frozen --python .venv/bin/python --quiet --compile-bytecode
