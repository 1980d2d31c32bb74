"""VerhuisboxPlus over the API: the same visibility, refusals and processing log as the pages."""

import datetime

import pytest

from doorbraak.privacy.models import AuditRecord
from doorbraak.verhuisbox.models import Trajectory
from tests.factories import api_for

DAY = datetime.timedelta(days=1)
URL = "/api/v1/verhuisbox-trajectories/"
pytestmark = pytest.mark.django_db


def test_register_through_to_housed(worker, case, fund, today):
    api = api_for(worker)
    data = {
        "case": case.pk,
        "fund": fund.pk,
        "registered_on": (today - 10 * DAY).isoformat(),
        "no_heavy_addiction": True,
        "no_large_debts": False,
        "landlord_statement": True,
    }
    refused = api.post(URL, data, format="json")
    assert refused.status_code == 400
    assert "schulden" in refused.json()["no_large_debts"][0]
    response = api.post(URL, {**data, "no_large_debts": True}, format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["status"] == "aangemeld"
    advice = {
        "advice_on": (today - 9 * DAY).isoformat(),
        "goals": "Eigen huis",
        "regions": "Zeeland",
        "voluntary_discussed": False,
    }
    response = api.post(f"{URL}{pk}/advice/", advice, format="json")
    assert response.status_code == 400 and "vrijwillig" in response.json()["voluntary_discussed"][0]
    advice["voluntary_discussed"] = True
    assert api.post(f"{URL}{pk}/advice/", advice, format="json").status_code == 200
    site = {"name": "WoonZeeland", "fee": "30.00", "registered_on": today.isoformat()}
    response = api.post(f"{URL}{pk}/sites/", site, format="json")
    assert response.status_code == 200 and response.json()["costs"][0]["amount"] == "30.00"
    negative = {
        "kind": "treinkaartjes",
        "amount": "-1.00",
        "supplier": "NS",
        "paid_on": today.isoformat(),
    }
    response = api.post(f"{URL}{pk}/costs/", negative, format="json")
    assert response.status_code == 400
    assert response.json()["amount"] == ["Het bedrag kan niet negatief zijn."]
    early = {"housed_on": (today - 11 * DAY).isoformat()}
    assert api.post(f"{URL}{pk}/housed/", early, format="json").status_code == 400
    response = api.post(f"{URL}{pk}/housed/", {"housed_on": today.isoformat()}, format="json")
    assert response.status_code == 200
    assert response.json()["days_to_housing"] == 10
    assert AuditRecord.objects.filter(activity="verhuisbox-vastleggen").count() == 4


def test_list_and_read_are_visible_like_cases_and_logged(worker, outsider, trajectory):
    response = api_for(worker).get(URL)
    assert [t["id"] for t in response.json()["results"]] == [trajectory.pk]
    assert api_for(worker).get(f"{URL}{trajectory.pk}/").status_code == 200
    assert api_for(outsider).get(URL).json()["results"] == []
    assert api_for(outsider).get(f"{URL}{trajectory.pk}/").status_code == 404
    assert (
        api_for(outsider)
        .post(f"{URL}{trajectory.pk}/housed/", {"housed_on": "2020-01-01"}, format="json")
        .status_code
        == 404
    )
    logged = AuditRecord.objects.filter(activity="api-verhuisbox")
    assert logged.filter(result="ok", object_id=str(trajectory.pk)).exists()
    assert logged.filter(result="denied").exists()
    assert Trajectory.objects.get().status == "aangemeld"
