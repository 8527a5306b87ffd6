#!/usr/bin/env bash
# One command: install (first time) and start eldercare-desktop.
# The SQLite database is created on first start; demo data is offered then.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh app
exec .venv/bin/eldercare-desktop "$@"
