#!/usr/bin/env bash
# Lint, then the whole test suite. PostgreSQL when DATABASE_URL is set or a local server can
# be started; otherwise SQLite, saying so. With REQUIRE_POSTGRES=1 (CI) the tests that need
# PostgreSQL fail instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DATABASE_URL:-}" ]; then
  if url=$(scripts/local-postgres.sh); then
    export DATABASE_URL=$url
    echo "Database: lokale PostgreSQL ($url)"
  else
    echo "Database: SQLite — geen PostgreSQL gevonden. Tests die PostgreSQL nodig hebben worden overgeslagen."
  fi
else
  echo "Database: ${DATABASE_URL%%@*}@… (uit DATABASE_URL)"
fi
.venv/bin/ruff check src tests scripts bench
.venv/bin/ruff format --check src tests scripts bench
# Tests run in parallel, one worker per CPU (PYTEST_WORKERS=0: in this process), each with its
# own test database and Redis database. "--dist load" hands each worker its tests in the order
# pytest-django sorted them, so a worker's transactional tests (which flush the rows the data
# migrations made) run after its other database tests, as in one process.
# The 30 slowest tests are listed at the end: CI must stay under 30 minutes.
exec .venv/bin/python -m pytest -n "${PYTEST_WORKERS:-auto}" --dist load --durations=30 "$@"
