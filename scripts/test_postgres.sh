#!/usr/bin/env bash
# A PostgreSQL server for the tests: a cluster of its own ("eldercare_test",
# port 5439), created from Debian's packages on first use, never the
# machine's main cluster. It trades durability for speed (fsync off: a test
# server's data is thrown away). Prints a URL for a role that may create
# databases; prints nothing and exits 1 when there is no PostgreSQL to use.
set -euo pipefail
command -v pg_lsclusters >/dev/null 2>&1 || exit 1
[ "$(id -u)" -eq 0 ] || exit 1   # creating and starting a cluster needs root (CI runs as root)
NAME=eldercare_test
PORT="${ELDERCARE_TEST_PG_PORT:-5439}"
ver="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
[ -n "$ver" ] || exit 1
if ! pg_lsclusters --no-header | awk '{print $1" "$2}' | grep -qx "$ver $NAME"; then
  pg_createcluster "$ver" "$NAME" -p "$PORT" \
    -o fsync=off -o synchronous_commit=off -o full_page_writes=off \
    -o max_connections=200 -o shared_buffers=128MB >/dev/null
fi
read -r _ _ port status _ < <(pg_lsclusters --no-header | awk -v v="$ver" -v n="$NAME" '$1==v && $2==n')
if [ "$status" != "online" ]; then
  pg_ctlcluster "$ver" "$NAME" start >/dev/null
fi
for _ in $(seq 1 30); do
  runuser -u postgres -- psql -p "$port" -qAtc "select 1" >/dev/null 2>&1 && break
  sleep 0.5
done
runuser -u postgres -- psql -p "$port" -qAtc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'eldercare_test') THEN
     CREATE ROLE eldercare_test LOGIN CREATEDB PASSWORD 'eldercare_test'; END IF; END \$\$;" >/dev/null
echo "postgresql://eldercare_test:eldercare_test@localhost:${port}/postgres"
