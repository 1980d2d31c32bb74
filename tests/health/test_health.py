"""/health/live, /health/ready and /metrics (issue 19, item 5)."""

import json
import logging
import os
import subprocess
from pathlib import Path

import pytest
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import OperationalError
from prometheus_client import REGISTRY

from doorbraak.funds import ledger
from doorbraak.health import checks
from doorbraak.health.jsonlog import JsonFormatter
from tests.funds.conftest import make_fund
from tests.test_jobs import redis_url

__all__ = ["redis_url"]  # the shared Redis fixture (tests/test_jobs.py)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fresh_migration_check():
    checks.reset()
    yield
    checks.reset()


def test_live_answers_without_database_host_check_or_cookie(client):
    # No db fixture: pytest-django refuses any database access, so this proves live uses none.
    response = client.get("/health/live", HTTP_HOST="10.1.2.3:8000")  # a probe's pod address
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Content-Type"] == "application/json"
    assert "Set-Cookie" not in response and not response.cookies


@pytest.mark.django_db
def test_live_and_ready_need_no_login_and_no_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # production: the probe speaks plain HTTP to the pod
    settings.REDIS_URL = ""
    assert client.get("/health/live").status_code == 200
    response = client.get("/health/ready", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response and not response.cookies


@pytest.mark.django_db
def test_ready_when_database_up_and_migrations_applied(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/health/ready")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "not configured", "migrations": "ok"},
    }


@pytest.mark.django_db
def test_ready_fails_when_a_migration_is_not_applied(client, settings):
    settings.REDIS_URL = ""
    recorder = MigrationRecorder(connection)
    app, name = max(m for m in recorder.applied_migrations() if m[0] == "funds")
    recorder.record_unapplied(app, name)  # rolled back with the test's transaction
    response = client.get("/health/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["migrations"]
    assert body["checks"]["migrations"] == "1 not applied"
    assert body["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_ready_fails_when_the_database_is_down(client, settings, monkeypatch):
    settings.REDIS_URL = ""

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(type(connections["default"]), "cursor", down)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "failed": ["database", "migrations"],
        "checks": {"database": "unreachable", "redis": "not configured", "migrations": "unknown"},
    }


@pytest.mark.django_db
def test_ready_fails_when_redis_is_configured_but_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["failed"] == ["redis"]


def test_metrics_refused_from_an_address_not_allowed_and_without_token(client, settings):
    settings.METRICS_ALLOWED_IPS = ["10.0.0.0/8"]
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 403  # the test client is 127.0.0.1


def test_metrics_with_the_bearer_token(client, settings):
    settings.METRICS_ALLOWED_IPS = []
    settings.METRICS_TOKEN = "s3cret-token"
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_metrics_show_request_latency_per_view(client, settings):
    settings.METRICS_ALLOWED_IPS = ["127.0.0.1"]
    client.get("/inloggen/")
    text = client.get("/metrics").content.decode()
    assert (
        'doorbraak_http_request_duration_seconds_bucket{le="0.15",method="GET",view="login"}'
        in (text)
    )
    assert 'doorbraak_http_requests_total{method="GET",status="200",view="login"}' in text
    # the operations endpoints themselves are not observed
    assert "health" not in text


@pytest.mark.django_db
def test_ledger_transactions_are_counted_by_kind_after_commit(
    team_a, django_capture_on_commit_callbacks
):
    def count(kind):
        return REGISTRY.get_sample_value("doorbraak_ledger_transactions_total", {"kind": kind}) or 0

    before_allocate, before_reserve = count("toewijzing"), count("reservering")
    with django_capture_on_commit_callbacks(execute=True):
        fund = make_fund(team_a, budget_cents=10_000)
        ledger.reserve(fund_id=fund.pk, ref="r1", cents=2_500)
        ledger.reserve(fund_id=fund.pk, ref="r1", cents=2_500)  # same ref: no new one
    assert count("toewijzing") == before_allocate + 1
    assert count("reservering") == before_reserve + 1


@pytest.mark.django_db
def test_celery_queue_length_is_read_from_redis(client, settings, redis_url):
    import redis

    db15 = redis_url.rsplit("/", 1)[0] + "/15"  # a database of its own
    settings.REDIS_URL = db15
    settings.CELERY_BROKER_URL = db15
    settings.METRICS_ALLOWED_IPS = ["127.0.0.1"]
    r = redis.Redis.from_url(db15)
    r.delete("celery")
    r.rpush("celery", "task-1", "task-2", "task-3")
    try:
        text = client.get("/metrics").content.decode()
        assert 'doorbraak_celery_queue_length{queue="celery"} 3.0' in text
        assert client.get("/health/ready").json()["checks"]["redis"] == "ok"
    finally:
        r.delete("celery")


def test_no_queue_metric_without_redis(client, settings):
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = "memory://"
    settings.METRICS_ALLOWED_IPS = ["127.0.0.1"]
    assert "doorbraak_celery_queue_length" not in client.get("/metrics").content.decode()


@pytest.mark.django_db
def test_access_log_is_one_json_line_with_the_trace_id(client, caplog, settings):
    settings.ACCESS_LOG = True
    caplog.set_level(logging.INFO, logger="doorbraak.access")
    trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    response = client.get(
        "/inloggen/?next=/casussen/", HTTP_TRACEPARENT=f"00-{trace}-00f067aa0ba902b7-01"
    )
    assert response.status_code == 200
    records = [r for r in caplog.records if r.name == "doorbraak.access"]
    assert len(records) == 1
    line = JsonFormatter().format(records[0])
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["trace_id"] == trace
    assert entry["method"] == "GET"
    assert entry["path"] == "/inloggen/"  # no query string
    assert entry["status"] == 200
    assert entry["view"] == "login"
    assert isinstance(entry["duration_ms"], float)
    assert entry["level"] == "INFO" and entry["logger"] == "doorbraak.access"


def test_json_logs_are_configured_in_production_and_off_in_debug():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DOORBRAAK_"))}
    code = (
        "import logging, logging.config, django; from django.conf import settings; "
        "django.setup(); "
        "h = logging.getLogger().handlers[0]; "
        "print(type(h.formatter).__name__, settings.ACCESS_LOG)"
    )

    def run(**extra):
        return subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "-c", code],
            env={**env, "DJANGO_SETTINGS_MODULE": "doorbraak.settings", **extra},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()

    production = {
        "DJANGO_SECRET_KEY": "x",
        "DOORBRAAK_FIELD_ENCRYPTION_KEY": "dGVzdC1vbmx5LWZpZWxkLWVuY3J5cHRpb24ta2V5ISE=",
        "DOORBRAAK_PSEUDONYM_KEY": "y",
    }
    assert run(**production) == ["JsonFormatter", "True"]
    formatter, access_log = run(DJANGO_DEBUG="1")
    assert formatter != "JsonFormatter" and access_log == "False"


def test_metrics_add_up_the_gunicorn_workers_in_multiprocess_mode(tmp_path):
    # Each gunicorn worker is a process of its own: with PROMETHEUS_MULTIPROC_DIR (set in the
    # image) /metrics sums what every worker counted.
    env = {
        **{k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"},
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        "DJANGO_SETTINGS_MODULE": "doorbraak.settings_test",
    }
    python = str(ROOT / ".venv" / "bin" / "python")
    count = "from doorbraak.health import metrics; metrics.ledger_transaction_written('betaling')"
    for _ in range(2):
        subprocess.run([python, "-c", count], env=env, check=True)  # noqa: S603
    render = "from doorbraak.health import metrics; print(metrics.render().decode())"
    text = subprocess.run(  # noqa: S603
        [python, "-c", render], env=env, check=True, capture_output=True, text=True
    ).stdout
    assert 'doorbraak_ledger_transactions_total{kind="betaling"} 2.0' in text
