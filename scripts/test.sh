#!/usr/bin/env bash
# Set up a fresh machine for the tests and run the whole suite.
# Installs Debian's chromium for the browser tests (never a downloaded browser),
# creates .venv, installs jixiao with its test extras and runs pytest; then runs the web
# system's database tests a second time on PostgreSQL (127.0.0.1:5432, database "test").
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

if [ "$#" -gt 0 ]; then
    exec .venv/bin/python -m pytest "$@"
fi

.venv/bin/python -m pytest

# The web tests that touch the database, again on PostgreSQL (the browser test runs its own
# server on SQLite and is not repeated). CI has the server; elsewhere it is skipped if absent.
POSTGRES_URL="${JIXIAO_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/test}"
if .venv/bin/python -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" \
        "$POSTGRES_URL" 2>/dev/null; then
    DATABASE_URL="$POSTGRES_URL" .venv/bin/python -m pytest tests/web -m "not browser" -p no:cacheprovider
elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL is not reachable at $POSTGRES_URL" >&2
    exit 1
else
    echo "PostgreSQL is not reachable at $POSTGRES_URL: web tests on PostgreSQL skipped." >&2
fi
