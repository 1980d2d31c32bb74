#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL cluster for the tests and print its DATABASE_URL.
# Exits 1 without output when no PostgreSQL server binaries are installed.
# The cluster trusts local connections and runs without fsync: for tests only.
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || exit 1
base=${DOORBRAAK_PG_DIR:-/tmp/doorbraak-pg-$(id -u)}
port=${DOORBRAAK_PG_PORT:-54329}
as_pg=()
mkdir -p "$base"
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || exit 1
  as_pg=(runuser -u postgres --)
  chown postgres "$base"
fi
if [ ! -f "$base/data/PG_VERSION" ]; then
  "${as_pg[@]}" "$bindir/initdb" -D "$base/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$base/initdb.log" 2>&1
fi
if ! "${as_pg[@]}" "$bindir/pg_ctl" -D "$base/data" status >/dev/null 2>&1; then
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
    -o "-p $port -k $base -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/doorbraak"
