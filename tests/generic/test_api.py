"""Generic decisions and outreach rows over /api/v1/: the same rules as the pages, Dutch
refusals that change nothing, and every response with rows in the processing log."""

import pytest

from doorbraak.generic import services
from doorbraak.generic.models import GenericDecision, OutreachAttempt
from doorbraak.privacy.models import ProcessingRecord
from tests.factories import api_for
from tests.generic.conftest import RULE, blocker, values

pytestmark = pytest.mark.django_db

URL = "/api/v1/generic-decisions/"
ROWS = "/api/v1/outreach-rows/"


def body(uwv, **changes):
    data = {
        "title": "Geen terugvordering",
        "organisation": uwv.pk,
        "rule": RULE,
        "period_start": "2020-01-01",
        "period_end": "2022-12-31",
        "max_amount": "11977.00",
        "reasons": "Achterstanden bij de beoordeling.",
    }
    return {**data, **changes}


@pytest.fixture
def decision(adviser, worker_a, worker_b, uwv):
    blocker(worker_a, uwv)
    blocker(worker_b, uwv)
    return services.decision_create(actor=adviser, **values(uwv))


def test_create_list_and_retrieve(adviser, worker_a, uwv):
    blocker(worker_a, uwv)
    api = api_for(adviser)
    response = api.post(URL, body(uwv), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["progress"] == {
        "total": 1,
        "to_call": 1,
        "reached": 0,
        "not_reached": 0,
        "declined": 0,
        "share_reached": 0,
    }
    assert data["max_amount"] == "11977.00"
    listed = api.get(URL).json()
    assert [d["id"] for d in listed["results"]] == [data["id"]]
    assert api.get(f"{URL}{data['id']}/").json()["reference"] == data["reference"]


@pytest.mark.parametrize(
    "changes,field,message",
    [
        ({"period_start": None, "period_end": None}, "period_start", "Geef de periode"),
        ({"period_start": "2023-01-01"}, "period_end", "kan niet voor het begin"),
        ({"organisation": None, "rule": ""}, "organisation", "Kies de organisatie"),
        ({"organisation": 999999}, "organisation", "bestaat niet"),
        ({"max_amount": "-1.00"}, "max_amount", "kan niet negatief zijn"),
    ],
)
def test_bad_input_changes_nothing(adviser, uwv, changes, field, message):
    response = api_for(adviser).post(URL, body(uwv, **changes), format="json")
    assert response.status_code == 400
    assert message in " ".join(response.json()[field]), response.json()
    assert GenericDecision.objects.count() == 0


def test_only_the_adviser_creates(worker_a, belteam, uwv):
    for user in (worker_a, belteam):
        response = api_for(user).post(URL, body(uwv), format="json")
        assert response.status_code == 403
    assert GenericDecision.objects.count() == 0


def test_outreach_rows_for_the_belteam_logged_per_subject(adviser, belteam, worker_b, decision):
    assert api_for(adviser).get(ROWS).json()["count"] == 0
    before = ProcessingRecord.objects.filter(activity="api-bellijst").count()
    response = api_for(belteam).get(ROWS, {"decision": decision.pk})
    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert ProcessingRecord.objects.filter(activity="api-bellijst").count() == before + 4
    assert api_for(worker_b).get(ROWS).json()["count"] == 1
    response = api_for(belteam).get(ROWS, {"status": "bestaat-niet"})
    assert response.status_code == 400
    assert response.json()["status"] == ["Deze belstatus bestaat niet."]


def test_record_attempts(belteam, decision):
    row = decision.outreach_rows.order_by("id").first()
    api = api_for(belteam)
    url = f"{ROWS}{row.pk}/attempts/"
    response = api.post(url, {"outcome": "weet-niet"}, format="json")
    assert response.status_code == 400
    response = api.post(url, {"outcome": "geweigerd", "note": "Wil geen contact"}, format="json")
    assert response.status_code == 201
    assert response.json()["status"] == "geweigerd"
    response = api.post(url, {"outcome": "bereikt"}, format="json")
    assert response.status_code == 400
    assert "geen pogingen meer" in response.json()["outcome"][0]
    assert OutreachAttempt.objects.count() == 1


def test_attempts_on_rows_one_may_not_see(adviser, worker_b, decision):
    row = decision.outreach_rows.order_by("id").first()  # worker_a's household
    for user in (adviser, worker_b):
        response = api_for(user).post(
            f"{ROWS}{row.pk}/attempts/", {"outcome": "bereikt"}, format="json"
        )
        assert response.status_code == 404
    assert OutreachAttempt.objects.count() == 0
