"""The escalation API: same visibility as the pages, strict ids and amounts, Dutch refusals,
transitions through `decide`, own follow-up actions."""

import datetime

import pytest
from django.utils import timezone

from doorbraak.escalation.models import Escalation, FollowUpAction, Status
from doorbraak.privacy.models import AuditRecord
from tests.escalation.conftest import escalate
from tests.factories import api_for

pytestmark = pytest.mark.django_db


def test_levels_are_readable_by_anyone_logged_in(worker_b):
    body = api_for(worker_b).get("/api/v1/escalation-levels/").json()
    assert [r["position"] for r in body["results"]] == [1, 2, 3, 4, 5]
    assert body["results"][0]["max_amount"] == "500.00"


def test_escalate_decide_and_list_through_the_api(worker_a, leader, worker_b, case_a, blocker):
    api = api_for(worker_a)
    created = api.post(
        "/api/v1/escalations/",
        {"case": case_a.pk, "blocker": blocker.pk, "question": "Vraag", "tried": "Iets"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["level"], body["level_name"], body["status"]) == (2, "Casusoverleg / MDT", "open")
    assert AuditRecord.objects.filter(activity="api-escalaties", action="create").exists()
    due = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    decided = api_for(leader).post(
        f"/api/v1/escalations/{body['id']}/decide/",
        {
            "outcome": "opgelost-voortraject",
            "reasons": "Haakje gevonden bij de corporatie",
            "amount": "0.00",
            "action": {"owner": worker_a.pk, "description": "Bevestigen", "due_date": due},
        },
        format="json",
    )
    assert decided.status_code == 200, decided.json()
    assert decided.json()["status"] == "opgelost-voortraject"
    assert api_for(worker_b).get("/api/v1/escalations/").json()["count"] == 0
    assert api_for(worker_b).get(f"/api/v1/escalations/{body['id']}/").status_code == 404
    actions = api.get("/api/v1/follow-up-actions/").json()["results"]
    assert [a["description"] for a in actions] == ["Bevestigen"]
    assert api_for(leader).get("/api/v1/follow-up-actions/").json()["count"] == 0


def test_floats_and_bad_input_are_refused_in_dutch(worker_a, leader, case_a, blocker):
    api = api_for(worker_a)
    floaty = api.post(
        "/api/v1/escalations/",
        {"case": float(case_a.pk), "blocker": blocker.pk, "question": "v", "tried": "t"},
        format="json",
    )
    assert floaty.status_code == 400 and floaty.json()["case"] == ["Geef het id als heel getal."]
    empty = api.post(
        "/api/v1/escalations/",
        {"case": case_a.pk, "blocker": blocker.pk, "question": "", "tried": ""},
        format="json",
    )
    assert empty.status_code == 400
    assert empty.json()["question"] == ["Schrijf de vraag aan dit niveau op."]
    assert not Escalation.objects.exists()
    escalation = escalate(worker_a, case_a, blocker)
    url = f"/api/v1/escalations/{escalation.pk}/decide/"
    money = api_for(leader).post(
        url, {"outcome": "opgelost", "reasons": "r", "amount": 100.5}, format="json"
    )
    assert money.status_code == 400 and "euro's en centen" in money.json()["amount"][0]
    above = api_for(leader).post(
        url, {"outcome": "opgelost", "reasons": "r", "amount": "9000.00"}, format="json"
    )
    assert above.json()["amount"] == ["Dit niveau mag beslissen tot € 2.500,00."]
    forbidden = api.post(url, {"outcome": "opgelost", "reasons": "r"}, format="json")
    assert forbidden.status_code == 403
    assert Escalation.objects.get().status == Status.OPEN


def test_marking_an_own_action_done(worker_a, leader, case_a, blocker):
    from doorbraak.escalation import services

    escalation = escalate(worker_a, case_a, blocker)
    action = services.action_add(
        actor=leader,
        escalation=escalation,
        owner=worker_a,
        description="Bellen",
        due_date=timezone.localdate(),
    )
    assert (
        api_for(leader)
        .post(f"/api/v1/follow-up-actions/{action.pk}/done/", {"note": "x"}, format="json")
        .status_code
        == 404
    )
    empty = api_for(worker_a).post(
        f"/api/v1/follow-up-actions/{action.pk}/done/", {"note": ""}, format="json"
    )
    assert empty.status_code == 400
    done = api_for(worker_a).post(
        f"/api/v1/follow-up-actions/{action.pk}/done/", {"note": "Gebeld"}, format="json"
    )
    assert done.status_code == 200 and done.json()["done_note"] == "Gebeld"
    assert FollowUpAction.objects.get().done_at is not None


def test_actions_take_the_format_suffix(worker_a, leader, case_a, blocker):
    """POST …/decide.json and …/done.json answer like …/decide/ (they gave a 500 before)."""
    from doorbraak.escalation import services

    escalation = escalate(worker_a, case_a, blocker)
    decided = api_for(leader).post(
        f"/api/v1/escalations/{escalation.pk}/decide.json",
        {"outcome": "opgelost", "reasons": "Opgelost aan tafel"},
        format="json",
    )
    assert decided.status_code == 200 and decided.json()["status"] == "opgelost"
    action = services.action_add(
        actor=leader,
        escalation=escalation,
        owner=worker_a,
        description="Bellen",
        due_date=timezone.localdate(),
    )
    done = api_for(worker_a).post(
        f"/api/v1/follow-up-actions/{action.pk}/done.json", {"note": "Gebeld"}, format="json"
    )
    assert done.status_code == 200
