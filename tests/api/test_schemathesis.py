"""schemathesis against the committed contract (docs/api/openapi.yaml): every operation, a
fixed seed, valid and invalid requests, authenticated as the demo account that works with
that part of the API. Checks: no server error, only documented status codes, bodies and
content types as documented. Runs in-process (WSGI) on the test database with the demo data.

EXAMPLES (environment SCHEMATHESIS_EXAMPLES) sets the examples per operation and mode: 40 in
`make test` (at 60 this one test took 14 minutes of a 33-minute CI run on two cores; run it
with more before an API release)."""

import os
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from doorbraak.accounts.models import User

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "40"))
SEED = 20261101
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: Who calls which part of the API: the demo account that has data there.
ACCOUNTS = {
    "/api/v1/approvals": "demo-buurtteammedewerker",
    "/api/v1/funds": "demo-projectleider",
    "/api/v1/payment-": "demo-projectleider",
    "/api/v1/approval-policies": "demo-projectleider",
    "/api/v1/tables": "demo-tafellid",
    "/api/v1/meetings": "demo-tafellid",
    "/api/v1/agenda-items": "demo-tafellid",
    "/api/v1/worktables": "demo-beleidsadviseur",
    "/api/v1/structural-solutions": "demo-beleidsadviseur",
}
DEFAULT_ACCOUNT = "demo-gezinswerker"


def account_for(path: str) -> str:
    return next((a for prefix, a in ACCOUNTS.items() if path.startswith(prefix)), DEFAULT_ACCOUNT)


@contextmanager
def in_test_transaction():
    """The WSGI handler closes "old" connections around each request, which would end the
    test's transaction; Django's test client switches that off the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def real_ids(app, headers, path: str) -> list:
    """Ids (or keys) of objects the account sees, from the list operation of `path`."""
    from werkzeug.test import Client

    listing = path.split("{")[0]
    response = Client(app).get(listing, headers=headers)
    if response.status_code != 200:
        return []
    body = response.get_json()
    results = body.get("results", body) if isinstance(body, dict) else body
    return [r.get("id", r.get("key")) for r in results if isinstance(r, dict)][:20]


def run_operation(operation, app, headers, ids) -> list[str]:
    """Fuzz one operation; the failure reports (empty when it holds)."""
    strategies = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        strategies.append(operation.as_strategy(generation_mode=mode))
        name = next((p for p in ("id", "key") if "{" + p + "}" in operation.path), None)
        if name and ids:
            strategies += [
                operation.as_strategy(generation_mode=mode, path_parameters={name: value})
                for value in ids[:5]
            ]
    failures: list[str] = []

    @seed(SEED)
    @settings(
        max_examples=EXAMPLES * 2,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(case=st.one_of(strategies))
    def fuzz(case):
        case.call_and_validate(app=app, headers=headers, checks=CHECKS)

    try:
        fuzz()
    except Exception as error:  # a FailureGroup or an error in the app: report, go on
        failures.append(f"{operation.method.upper()} {operation.path}:\n{str(error)[:3000]}")
    return failures


def test_the_api_keeps_its_contract():
    call_command("load_demo", "--force", stdout=StringIO())
    schema = schemathesis.openapi.from_path(SCHEMA)
    app = get_wsgi_application()
    tokens = {}
    failures, operations = [], 0
    with in_test_transaction():
        for result in schema.get_all_operations():
            operation = result.ok()
            username = account_for(operation.path)
            if username not in tokens:
                user = User.objects.get(username=username)
                tokens[username] = Token.objects.get_or_create(user=user)[0].key
            headers = {"Authorization": f"Token {tokens[username]}"}
            ids = real_ids(app, headers, operation.path) if "{" in operation.path else []
            failures += run_operation(operation, app, headers, ids)
            operations += 1
    assert operations >= 33
    assert not failures, "\n\n".join(failures)
