#!/usr/bin/env bash
# Set up a fresh machine for the tests and run the whole suite.
# Installs Debian's chromium for the browser tests (never a downloaded browser),
# creates .venv, installs jixiao with its test extras and runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk'; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
    fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[web,files,dev]"
exec .venv/bin/python -m pytest "$@"
