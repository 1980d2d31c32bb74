"""Production defaults are safe: checked in a fresh interpreter with a clean environment."""

import json
import os
import subprocess
import sys

import pytest

PROBE = (
    "import json, django; from django.conf import settings as s; django.setup(); "
    "print(json.dumps({'debug': s.DEBUG, 'session_secure': s.SESSION_COOKIE_SECURE, "
    "'csrf_secure': s.CSRF_COOKIE_SECURE, 'hsts': s.SECURE_HSTS_SECONDS, "
    "'ssl_redirect': s.SECURE_SSL_REDIRECT, 'csp': s.CONTENT_SECURITY_POLICY['DIRECTIVES'], "
    "'language': s.LANGUAGE_CODE, 'db': s.DATABASES['default']['ENGINE']}))"
)
CLEAN = {
    k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DOORBRAAK", "DATABASE_URL"))
}


def run_probe(extra_env):
    env = {**CLEAN, "DJANGO_SETTINGS_MODULE": "doorbraak.settings", **extra_env}
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secrets():
    result = run_probe({})
    assert result.returncode != 0 and "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_defaults_are_safe():
    result = run_probe(
        {
            "DJANGO_SECRET_KEY": "s",
            "DOORBRAAK_FIELD_ENCRYPTION_KEY": "a" * 44,
            "DOORBRAAK_PSEUDONYM_KEY": "p",
        }
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["session_secure"] and values["csrf_secure"] and values["ssl_redirect"]
    assert values["hsts"] >= 31536000
    assert values["csp"]["script-src"] == ["'self'"]
    assert values["csp"]["frame-ancestors"] == ["'none'"]
    assert values["language"] == "nl"


@pytest.mark.parametrize("missing", ["DOORBRAAK_FIELD_ENCRYPTION_KEY", "DOORBRAAK_PSEUDONYM_KEY"])
def test_production_needs_both_data_keys(missing):
    env = {
        "DJANGO_SECRET_KEY": "s",
        "DOORBRAAK_FIELD_ENCRYPTION_KEY": "a" * 44,
        "DOORBRAAK_PSEUDONYM_KEY": "p",
    }
    del env[missing]
    result = run_probe(env)
    assert result.returncode != 0 and "must be set" in result.stderr


def test_development_mode_is_explicit():
    result = run_probe({"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is True and values["session_secure"] is False
    assert values["db"] == "django.db.backends.sqlite3"


RACE = """
import json, threading, time
import django
django.setup()
from django.db import connection, transaction

with connection.cursor() as c:
    c.execute("CREATE TABLE counter (n integer)")
    c.execute("INSERT INTO counter VALUES (0)")
errors = []


def add_one():
    try:
        with transaction.atomic():
            with connection.cursor() as c:
                c.execute("SELECT n FROM counter")
                n = c.fetchone()[0]
                time.sleep(0.3)  # the other thread reads meanwhile
                c.execute("UPDATE counter SET n = %s", [n + 1])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()


threads = [threading.Thread(target=add_one) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with connection.cursor() as c:
    c.execute("SELECT n FROM counter")
    print(json.dumps({"n": c.fetchone()[0], "errors": errors}))
"""


def test_the_embedded_database_makes_a_second_writer_wait_not_fail(tmp_path):
    """`make run` serves several threads on one SQLite file. Two transactions that read and
    then write at the same time: with SQLite's default (DEFERRED) one failed at once with
    "database is locked" (two PDFs asked for at once gave HTTP 500); the settings begin every
    transaction IMMEDIATE, so the second waits, and neither update is lost."""
    env = {
        **CLEAN,
        "DJANGO_SETTINGS_MODULE": "doorbraak.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'embedded.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", RACE], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"n": 2, "errors": []}
