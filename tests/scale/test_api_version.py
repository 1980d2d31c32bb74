"""The API-Version header (NL API Design Rules /core/version-header) on every /api/ response:
answers, refusals, errors and the schema itself; never on pages."""

import pytest
import yaml
from rest_framework.test import APIClient

from tests.deploy.test_api_design_rules import SCHEMA

pytestmark = pytest.mark.django_db


def version():
    return yaml.safe_load(SCHEMA.read_text())["info"]["version"]


def test_api_responses_carry_the_full_version(worker_a):
    api = APIClient()
    anonymous = api.get("/api/v1/cases/")
    assert anonymous.status_code in (401, 403) and anonymous["API-Version"] == version()
    api.force_authenticate(worker_a)
    ok = api.get("/api/v1/cases/")
    assert ok.status_code == 200 and ok["API-Version"] == version() == "1.0.0"
    assert api.get("/api/v1/cases/999999/")["API-Version"] == version()  # 404
    assert api.get("/api/v1/no-such-thing/")["API-Version"] == version()
    assert api.post("/api/v1/cases/", "{", content_type="application/json")["API-Version"]
    token = APIClient().post("/api/v1/auth/token/", {"username": "x", "password": "y"})
    assert token["API-Version"] == version()


def test_pages_and_health_do_not(client):
    assert "API-Version" not in client.get("/inloggen/")
    assert "API-Version" not in client.get("/health/live")
