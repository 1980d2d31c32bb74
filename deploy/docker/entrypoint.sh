#!/bin/sh
# Container entrypoint: an empty directory for the Prometheus metrics of the gunicorn workers
# (prometheus_client multiprocess mode), then the command (gunicorn, celery or doorbraak).
set -eu
if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
  rm -rf "$PROMETHEUS_MULTIPROC_DIR"
  mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
fi
exec "$@"
