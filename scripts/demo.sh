#!/usr/bin/env bash
# Set up a fresh machine and run jixiao on its embedded default:
# SQLite, demo data loaded, served on http://127.0.0.1:8000 (pass --port N to change).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[web,files]"
exec .venv/bin/jixiao demo "$@"
