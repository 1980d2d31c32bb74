"""Shared fixtures. Tests marked `postgres` need PostgreSQL: they skip on SQLite, but with
REQUIRE_POSTGRES=1 (CI) the whole run fails if the database is not PostgreSQL."""

import os

import hypothesis
import pytest
from django.db import connection

from tests.factories import CaseFactory, TeamFactory, UserFactory

# Property tests check properties, not speed: on a shared two-core machine (or CI running the
# suite in parallel) a single example can take longer than Hypothesis's default 200 ms deadline.
hypothesis.settings.register_profile(
    "doorbraak", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("doorbraak")


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture(scope="session", autouse=True)
def _require_postgres(django_db_setup, django_db_blocker):
    if os.environ.get("REQUIRE_POSTGRES") == "1" and connection.vendor != "postgresql":
        pytest.exit("REQUIRE_POSTGRES=1 but the tests do not run on PostgreSQL.", returncode=1)


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("This test needs PostgreSQL (REQUIRE_POSTGRES=1).")
        pytest.skip("needs PostgreSQL; set DATABASE_URL or install PostgreSQL")


@pytest.fixture
def team_a(db):
    return TeamFactory(name="Buurtteam Noord")


@pytest.fixture
def team_b(db):
    return TeamFactory(name="Buurtteam Zuid")


@pytest.fixture
def worker_a(team_a):
    return UserFactory(username="worker-a", team=team_a, organisation=team_a.organisation)


@pytest.fixture
def colleague_a(team_a):
    return UserFactory(username="colleague-a", team=team_a, organisation=team_a.organisation)


@pytest.fixture
def worker_b(team_b):
    return UserFactory(username="worker-b", team=team_b, organisation=team_b.organisation)


@pytest.fixture
def case_a(worker_a):
    return CaseFactory(actor=worker_a)


@pytest.fixture(autouse=True)
def _second_factor(request, settings):
    """Tests that are not about MFA run without the mandatory second factor and without the
    re-authentication before money actions (accounts/middleware.py, accounts/reauth.py): their
    force_login'ed administrators have no authenticator app. Tests marked `mfa_enforced` (the
    MFA tests, and the browser tests that log in as demo-beheerder) get them as in production."""
    if not request.node.get_closest_marker("mfa_enforced"):
        settings.DOORBRAAK_MFA_ENFORCED = False
