#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster for the tests (when this machine has one
# and we may start it) and prints a URL for a role that may create databases.
# Prints nothing and exits 1 when there is no PostgreSQL to use.
set -euo pipefail
command -v pg_lsclusters >/dev/null 2>&1 || exit 1
[ "$(id -u)" -eq 0 ] || exit 1   # starting the cluster and creating the role need root (CI runs as root)
read -r ver name port status _ < <(pg_lsclusters --no-header | head -n1) || exit 1
if [ "$status" != "online" ]; then
  pg_ctlcluster "$ver" "$name" start >/dev/null
fi
for _ in $(seq 1 30); do
  runuser -u postgres -- psql -p "$port" -qAtc "select 1" >/dev/null 2>&1 && break
  sleep 0.5
done
runuser -u postgres -- psql -p "$port" -qAtc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'eldercare_test') THEN
     CREATE ROLE eldercare_test LOGIN CREATEDB PASSWORD 'eldercare_test'; END IF; END \$\$;" >/dev/null
echo "postgresql://eldercare_test:eldercare_test@localhost:${port}/postgres"
