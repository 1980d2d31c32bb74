"""/api/v1/worktables/ and /api/v1/structural-solutions/: the pages' rules over the API."""

import datetime

import pytest
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.worktables import rules
from doorbraak.worktables.models import StructuralSolution, WorkTable
from tests.factories import UserFactory, api_for
from tests.worktables.conftest import NAMES

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_start_a_werktafel_and_record_a_solution_linked_to_the_cases(adviser, pattern, toeslagen):
    api = api_for(adviser)
    created = api.post(
        "/api/v1/worktables/",
        {
            "pattern": pattern.pk,
            "title": "Werktafel spookbewoning",
            "organisations": [toeslagen.pk],
            "departments": ["Klantcontactcentrum (gemeente)"],
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert len(body["sessions"]) == 3 and body["status"] == rules.RUNNING
    assert body["participants"] == [
        {"organisation": toeslagen.pk, "name": ""},
        {"organisation": None, "name": "Klantcontactcentrum (gemeente)"},
    ]
    outcome = api.post(
        f"/api/v1/worktables/{body['id']}/outcomes/",
        {"text": "Een vinkje voor Dienst Toeslagen."},
        format="json",
    )
    assert outcome.status_code == 200 and len(outcome.json()["outcomes"]) == 1
    solution = api.post(
        "/api/v1/structural-solutions/",
        {
            "worktable": body["id"],
            "title": "Signalering op adres naar Dienst Toeslagen",
            "kind": rules.PARTNER_AGREEMENT,
            "owner": adviser.pk,
            "proposed_on": (TODAY - datetime.timedelta(days=5)).isoformat(),
        },
        format="json",
    )
    assert solution.status_code == 201, solution.json()
    data = solution.json()
    expected = set(pattern.blocker_links.values_list("blocker__case_id", flat=True))
    assert set(data["cases"]) == expected and data["pattern"] == pattern.pk
    step = api.post(
        f"/api/v1/structural-solutions/{data['id']}/step/",
        {"status": rules.AGREED, "on": TODAY.isoformat()},
        format="json",
    )
    assert step.status_code == 200 and step.json()["agreed_on"] == TODAY.isoformat()
    listed = api.get("/api/v1/structural-solutions/")
    assert [s["id"] for s in listed.json()["results"]] == [data["id"]]
    body = listed.content.decode() + api.get("/api/v1/worktables/").content.decode()
    for names in NAMES:
        for value in names.values():
            assert value.split()[-1] not in body


def test_bad_input_is_refused_in_dutch_and_changes_nothing(adviser, pattern, solution):
    api = api_for(adviser)
    response = api.post(
        "/api/v1/worktables/",
        {"pattern": pattern.pk, "title": "", "session_dates": [], "organisations": []},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["title"] == ["Geef een titel."]
    assert WorkTable.objects.count() == 1
    skipped = api.post(
        f"/api/v1/structural-solutions/{solution.pk}/step/",
        {"status": rules.EVALUATED, "on": TODAY.isoformat()},
        format="json",
    )
    assert skipped.status_code == 400 and "stap voor stap" in skipped.json()["status"][0]
    missing = api.post(
        f"/api/v1/structural-solutions/{solution.pk}/step/",
        {"status": rules.AGREED, "on": None},
        format="json",
    )
    assert missing.json()["on"] == ["Geef de datum van deze stap."]
    send = api.post(
        f"/api/v1/structural-solutions/{solution.pk}/send/", {"sent_on": None}, format="json"
    )
    assert send.status_code == 400
    solution.refresh_from_db()
    assert solution.status == rules.PROPOSED and solution.sent_on is None
    assert StructuralSolution.objects.count() == 1


def test_pattern_roles_read_and_may_not_write(solution, pattern):
    leader = api_for(UserFactory(role=Role.TEAMLEIDER))
    assert len(leader.get("/api/v1/worktables/").json()["results"]) == 1
    response = leader.post(
        f"/api/v1/structural-solutions/{solution.pk}/step/",
        {"status": rules.AGREED, "on": TODAY.isoformat()},
        format="json",
    )
    assert response.status_code == 403
    assert "beleidsadviseur" in response.json()["detail"]
    solution.refresh_from_db()
    assert solution.status == rules.PROPOSED


def test_others_see_nothing(solution):
    worker = api_for(UserFactory(role=Role.GEZINSWERKER))
    assert worker.get("/api/v1/worktables/").json()["results"] == []
    assert worker.get("/api/v1/structural-solutions/").json()["results"] == []
    assert worker.get(f"/api/v1/structural-solutions/{solution.pk}/").status_code == 404


def test_finishing_twice_is_a_conflict(adviser, worktable):
    api = api_for(adviser)
    assert api.post(f"/api/v1/worktables/{worktable.pk}/finish/").status_code == 200
    again = api.post(f"/api/v1/worktables/{worktable.pk}/finish/")
    assert again.status_code == 409 and again.json()["detail"] == "Deze werktafel is afgerond."
