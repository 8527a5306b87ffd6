#!/usr/bin/env bash
# One command: install what the tests need (first time) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
