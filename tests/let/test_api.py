"""LET submissions over the API: the same rules, refusals and visibility as the pages."""

import pytest

from doorbraak.let import rules
from doorbraak.let.models import LetSubmission
from tests.factories import api_for
from tests.let.conftest import SUMMARY, to_let

pytestmark = pytest.mark.django_db


def test_submit_triage_decide_and_check_over_the_api(
    worker_a, leader, student_case, duo_blocker, duo, uwv, regie, worker_b
):
    at_let = to_let(worker_a, leader, student_case, duo_blocker)
    api = api_for(worker_a)
    body = {"escalation": at_let.pk, "summary": SUMMARY, "question": "Vraag?", "organisations": []}
    none = api.post("/api/v1/let-submissions/", body, format="json")
    assert none.status_code == 400
    assert none.json()["organisations"] == ["Kies ten minste één landelijke organisatie."]
    created = api.post(
        "/api/v1/let-submissions/", {**body, "organisations": [duo.pk]}, format="json"
    )
    assert created.status_code == 201, created.json()
    item = created.json()
    assert item["status"] == rules.SUBMITTED and "Jansen" not in item["summary"]
    again = api.post("/api/v1/let-submissions/", {**body, "organisations": [duo.pk]}, format="json")
    assert again.status_code == 400
    assert again.json()["non_field_errors"] == ["Dit item is al voorgelegd aan het Maatwerkloket."]
    url = f"/api/v1/let-submissions/{item['id']}/"
    assert api.post(url + "triage/", {"outcome": rules.ACCEPTED}, format="json").status_code == 403
    assert api_for(worker_b).get(url).status_code == 404
    assert api_for(worker_b).get("/api/v1/let-submissions/").json()["count"] == 0

    regie_api = api_for(regie)
    assert regie_api.get("/api/v1/let-submissions/").json()["count"] == 1
    triaged = regie_api.post(url + "triage/", {"outcome": rules.ACCEPTED}, format="json")
    assert triaged.status_code == 200
    decision = {
        "organisation": uwv.pk,
        "exception": "Afzien van terugvordering",
        "legal_ground": rules.DISCRETIONARY,
        "reasons": "De bedoeling van de wet is bereikt",
    }
    outside = regie_api.post(url + "decide/", decision, format="json")
    assert outside.status_code == 400
    assert outside.json()["organisation"] == [
        "Kies een van de organisaties die bij deze voorlegging betrokken zijn."
    ]
    decided = regie_api.post(url + "decide/", {**decision, "organisation": duo.pk}, format="json")
    assert decided.status_code == 200 and decided.json()["status"] == rules.DECIDED
    assert decided.json()["check_on"] is not None
    actions = regie_api.get("/api/v1/follow-up-actions/").json()["results"]
    assert [a["kind"] for a in actions] == ["let-controle"]
    missing = regie_api.post(url + "check/", {"carried_out": None, "outcome": ""}, format="json")
    assert missing.status_code == 400 and set(missing.json()) == {"carried_out", "outcome"}
    checked = regie_api.post(
        url + "check/", {"carried_out": True, "outcome": "Uitgevoerd"}, format="json"
    )
    assert checked.status_code == 200 and checked.json()["carried_out"] is True
    assert LetSubmission.objects.get().status == rules.CHECKED


def test_solved_in_the_voortraject_closes_the_escalation_as_a_success(
    worker_a, leader, student_case, duo_blocker, duo, regie
):
    from doorbraak.escalation.models import Escalation, Status
    from doorbraak.let import queries, services

    at_let = to_let(worker_a, leader, student_case, duo_blocker)
    submission = services.submit(
        actor=worker_a, escalation=at_let, summary=SUMMARY, question="Vraag", organisations=[duo]
    )
    services.triage(
        actor=regie,
        submission=submission,
        outcome=rules.SOLVED_EARLY,
        note="DUO past de hardheidsclausule zelf toe na een telefoontje van de regievoerder",
    )
    assert Escalation.objects.get(pk=at_let.pk).status == Status.SOLVED_EARLY
    [(year, figures)] = queries.year_figures()
    assert (figures.submitted, figures.solved_early, figures.success_rate) == (1, 1, None)
