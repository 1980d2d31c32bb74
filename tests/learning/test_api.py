"""/api/v1/patterns/, /api/v1/signals/, /api/v1/rules/."""

import pytest

from doorbraak.learning.models import Rule, Signal
from tests.factories import api_for
from tests.learning.conftest import SPOOK, add
from tests.learning.test_pages import NAMES

pytestmark = pytest.mark.django_db


def test_a_blocker_saved_through_the_api_shows_in_patterns_at_once(toeslagen, workers, adviser):
    for i in range(2):
        add(workers[i], toeslagen, SPOOK[i], names=NAMES[i])
    assert api_for(adviser).get("/api/v1/patterns/").json()["results"] == []
    from tests.factories import CaseFactory

    case = CaseFactory(actor=workers[2], **NAMES[2])
    created = api_for(workers[2]).post(
        "/api/v1/blockers/",
        {
            "case": case.pk,
            "organisation": toeslagen.pk,
            "rule": SPOOK[2][0],
            "effect": SPOOK[2][1],
            "life_domain": "wonen",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    response = api_for(adviser).get("/api/v1/patterns/")
    [pattern] = response.json()["results"]
    assert pattern["status"] == "kandidaat"
    assert pattern["organisation"] == toeslagen.pk
    assert pattern["cases_count"] == 3
    assert created.json()["id"] in pattern["blockers"]
    body = response.content.decode()
    for names in NAMES:
        for value in names.values():
            assert value.split()[-1] not in body


def test_patterns_are_empty_for_a_caseworker(toeslagen, workers):
    for i in range(3):
        add(workers[i], toeslagen, SPOOK[i])
    assert api_for(workers[0]).get("/api/v1/patterns/").json()["results"] == []


def test_signal_create_refuses_float_ids_and_empty_rule_in_dutch(toeslagen, workers):
    api = api_for(workers[0])
    response = api.post(
        "/api/v1/signals/",
        {"organisation": float(toeslagen.pk), "rule": "", "effect": "e"},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert "organisation" in body and "rule" in body
    assert "verplicht" in body["rule"][0] or "leeg" in body["rule"][0]
    assert Signal.objects.count() == 0
    ok = api.post(
        "/api/v1/signals/",
        {"organisation": toeslagen.pk, "rule": "r", "effect": "e"},
        format="json",
    )
    assert ok.status_code == 201
    assert api.get("/api/v1/signals/").json()["results"][0]["id"] == ok.json()["id"]


def test_rules_are_read_only(toeslagen, workers):
    Rule.objects.create(organisation=toeslagen, title="Medebewoner telt mee")
    api = api_for(workers[0])
    assert [r["title"] for r in api.get("/api/v1/rules/").json()["results"]] == [
        "Medebewoner telt mee"
    ]
    assert api.post("/api/v1/rules/", {"title": "x"}, format="json").status_code == 405
