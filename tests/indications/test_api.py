"""The API: same visibility and refusals as the pages, Dutch messages, nothing saved."""

import pytest
from rest_framework.test import APIClient

from doorbraak.indications.models import Indication, IndicationStatus
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

BODY = {
    "reported_on": "2026-11-02",
    "need": "Kan niet meer bukken.",
    "own_capacity": "Kookt zelf.",
    "provision": "Douchestoel",
    "scope": "eenmalig",
    "contribution": "0.00",
}


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_write_question_answer_agree(nurse, consultant, case):
    response = _client(nurse).post("/api/v1/indications/", {**BODY, "case": case.pk}, format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["contribution"] == "0.00"
    reviewer = _client(consultant)
    assert reviewer.get(f"/api/v1/indications/{pk}/").status_code == 200
    r = reviewer.post(f"/api/v1/indications/{pk}/review/", {"outcome": "vraag", "question": "?"})
    assert r.json()["status"] == "vraag"
    r = _client(nurse).post(f"/api/v1/indications/{pk}/answer/", {"answer": "Zo."})
    assert [e["kind"] for e in r.json()["exchanges"]] == ["vraag", "antwoord"]
    own = _client(nurse).post(f"/api/v1/indications/{pk}/review/", {"outcome": "akkoord"})
    assert own.status_code == 403
    r = reviewer.post(
        f"/api/v1/indications/{pk}/review/", {"outcome": "akkoord", "decided_on": "2026-11-30"}
    )
    assert r.status_code == 200 and r.json()["status"] == "akkoord"
    assert Indication.objects.get().status == IndicationStatus.AGREED


def test_unlinked_or_unknown_case_refused_alike(nurse, worker):
    other = CaseFactory(actor=worker)
    for case_id in (other.pk, other.pk + 1000):
        response = _client(nurse).post(
            "/api/v1/indications/", {**BODY, "case": case_id}, format="json"
        )
        assert response.status_code == 403
        assert "niet gekoppeld" in response.json()["detail"]
    assert not Indication.objects.exists()


def test_bad_input_gets_dutch_field_errors(nurse, case):
    response = _client(nurse).post(
        "/api/v1/indications/", {**BODY, "case": case.pk, "need": " "}, format="json"
    )
    assert response.status_code == 400
    assert "need" in response.json()
    assert not Indication.objects.exists()


def test_list_shows_only_visible(nurse, other_nurse, case):
    _client(nurse).post("/api/v1/indications/", {**BODY, "case": case.pk}, format="json")
    assert _client(nurse).get("/api/v1/indications/").json()["count"] == 1
    assert _client(other_nurse).get("/api/v1/indications/").json()["count"] == 0
