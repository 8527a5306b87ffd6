#!/usr/bin/env bash
# One command: install what the tests need (first time) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen
# the PostgreSQL half of the tests (tests/postgres): Debian's cluster, when there is one to start
if [ -z "${ELDERCARE_TEST_PG_URL:-}" ] && url="$(scripts/test_postgres.sh 2>/dev/null)"; then
  export ELDERCARE_TEST_PG_URL="$url"
fi
exec .venv/bin/python -m pytest "$@"
