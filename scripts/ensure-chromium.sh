#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; never a browser downloaded by a test tool.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
    echo "The browser tests need Debian's Chromium: sudo apt-get install chromium" >&2
    exit 1
fi
