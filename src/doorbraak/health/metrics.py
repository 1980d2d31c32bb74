"""The Prometheus metrics Doorbraak exports, with prometheus_client directly (no
django-prometheus: three metrics are all we need, and one middleware observes them).

- doorbraak_http_request_duration_seconds{view,method}: latency per view (histogram);
- doorbraak_http_requests_total{view,method,status}: requests per view and status code;
- doorbraak_ledger_transactions_total{kind}: ledger transactions written, counted where the
  ledger writes them (funds.ledger._post, after commit);
- doorbraak_celery_queue_length{queue}: tasks waiting in the broker, read from Redis (LLEN)
  when /metrics is scraped, so it costs a page nothing.
- doorbraak_scheduled_task_last_success_timestamp_seconds{task}: when each scheduled task
  last ran to the end (schedule/metrics.py), read from the database at scrape time.

With several gunicorn workers set PROMETHEUS_MULTIPROC_DIR to an empty directory writable by
the workers (prometheus_client's multiprocess mode): /metrics then adds up all workers.
"""

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from doorbraak.schedule.metrics import ScheduledTaskCollector

CONTENT_TYPE = CONTENT_TYPE_LATEST

if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    # prometheus_client writes each process's values to files there from the first metric on;
    # the container entrypoint empties it at start, a command run without it needs it to exist.
    os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)

#: Page budget is 150 ms (decision 0008): the buckets are dense around it.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUEST_LATENCY = Histogram(
    "doorbraak_http_request_duration_seconds",
    "Time from the request reaching Django to the response leaving it, per view.",
    ["view", "method"],
    buckets=LATENCY_BUCKETS,
)
REQUESTS = Counter(
    "doorbraak_http_requests",
    "Requests answered, per view, method and status code.",
    ["view", "method", "status"],
)
LEDGER_TRANSACTIONS = Counter(
    "doorbraak_ledger_transactions",
    "Ledger transactions written (committed), per kind.",
    ["kind"],
)


def ledger_transaction_written(kind: str) -> None:
    """Called by funds.ledger after a transaction was committed."""
    LEDGER_TRANSACTIONS.labels(kind=str(kind)).inc()


def _queue_names() -> list[str]:
    from django.conf import settings

    names = {getattr(settings, "CELERY_TASK_DEFAULT_QUEUE", "celery") or "celery"}
    for route in (getattr(settings, "CELERY_TASK_ROUTES", None) or {}).values():
        if isinstance(route, dict) and route.get("queue"):
            names.add(route["queue"])
    return sorted(names)


class CeleryQueueCollector:
    """Reads the queue lengths at scrape time. With Redis as the broker a queue is a list named
    after it (kombu): LLEN. Without Redis (tasks run eagerly) there is no queue and no metric."""

    def collect(self):
        from django.conf import settings

        url = getattr(settings, "REDIS_URL", "")
        if not url or not settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
            return
        family = GaugeMetricFamily(
            "doorbraak_celery_queue_length",
            "Tasks waiting in the Celery broker (Redis list length), per queue.",
            labels=["queue"],
        )
        import redis

        try:
            client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
            for name in _queue_names():
                family.add_metric([name], client.llen(name))
        except redis.RedisError:
            return  # /health/ready reports Redis; a scrape without the gauge shows it too
        yield family


def render() -> bytes:
    """The text exposition of all metrics: this process's, or every worker's when
    PROMETHEUS_MULTIPROC_DIR is set."""
    from prometheus_client import REGISTRY

    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_Forward(REGISTRY))
    registry.register(CeleryQueueCollector())
    registry.register(ScheduledTaskCollector())  # doorbraak/schedule/metrics.py
    return generate_latest(registry)


class _Forward:
    """Exposes the default registry's metrics in a registry of our own, so the queue
    collector is added per scrape without registering it globally."""

    def __init__(self, registry):
        self.registry = registry

    def collect(self):
        return self.registry.collect()
