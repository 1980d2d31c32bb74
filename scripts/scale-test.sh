#!/usr/bin/env bash
# Scale-out test (issue 19): PostgreSQL + PgBouncer (transaction pooling) + Redis + gunicorn
# instances behind nginx + Celery worker and beat, on loopback; load while one instance and the
# worker are SIGKILLed and restarted; then the checks of bench/scale.py. `make scale-test`.
# Needs: apt-get install -y pgbouncer nginx wrk redis-server postgresql
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in pgbouncer nginx wrk redis-server redis-cli; do
  command -v "$tool" >/dev/null || { echo "$tool ontbreekt: apt-get install -y pgbouncer nginx wrk redis-server"; exit 1; }
done
[ -n "${DOORBRAAK_SCALE_DB_URL:-}" ] || {
  base=$(scripts/local-postgres.sh) || { echo "PostgreSQL ontbreekt: apt-get install -y postgresql"; exit 1; }
  export DOORBRAAK_SCALE_DB_URL="${base%/*}/${DOORBRAAK_SCALE_DB:-doorbraak_scale}"
}
exec .venv/bin/python -m bench.scale "$@"
