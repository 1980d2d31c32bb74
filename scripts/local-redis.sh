#!/usr/bin/env bash
# Start (or reuse) a throwaway Redis for the tests and print its URL. Exits 1 without output
# when redis-server is not installed (apt-get install redis-server). No persistence: tests only.
set -euo pipefail
command -v redis-server >/dev/null || exit 1
port=${DOORBRAAK_REDIS_PORT:-63799}
dir=${DOORBRAAK_REDIS_DIR:-/tmp/doorbraak-redis-$(id -u)}
mkdir -p "$dir"
if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --dir "$dir" --logfile "$dir/redis.log" --pidfile "$dir/redis.pid" >/dev/null
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
redis-cli -p "$port" ping >/dev/null
echo "redis://127.0.0.1:$port/0"
