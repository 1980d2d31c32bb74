"""Approvals, funds, payment orders and batches over the API."""

from decimal import Decimal

import pytest
from stdnum import iban

from doorbraak.accounts.roles import Role
from doorbraak.funds.models import PaymentBatch
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from tests.approvals.test_flow import submit
from tests.factories import CaseFactory, UserFactory, api_for
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(team_a, worker_a):
    fund = make_fund(
        team_a,
        name="Minimaatwerkbudget",
        budget_cents=250_000,
        ceiling_per_request=Decimal("500.00"),
    )
    fund.debtor_iban = "NL" + iban.calc_check_digits("NL00DEMO0000000001") + "DEMO0000000001"
    fund.save()
    colleagues = [UserFactory(username=f"c{i}", team=team_a) for i in range(3)]
    case = CaseFactory(actor=worker_a, given_name="Gijsbert", family_name="Zeldenrust")
    request = submit(
        worker_a, fund, "350.00", case=case, solution="Koelkast voor meneer Zeldenrust"
    )
    return fund, colleagues, request


def test_voting_over_the_api_decides_and_never_shows_the_household(setup):
    fund, colleagues, request = setup
    api = api_for(colleagues[0])
    listing = api.get("/api/v1/approvals/").json()
    assert [r["reference"] for r in listing["results"]] == [request.reference]
    item = api.get(f"/api/v1/approvals/{request.pk}/").json()
    assert "Zeldenrust" not in str(item) and item["texts"]["solution"].startswith("Koelkast")
    assert item["total"] == "350.00" and item["fund"] == "Minimaatwerkbudget"
    refused = api.post(f"/api/v1/approvals/{request.pk}/vote/", {"choice": "nee"}, format="json")
    assert refused.status_code == 400
    for colleague in colleagues:
        response = api_for(colleague).post(
            f"/api/v1/approvals/{request.pk}/vote/", {"choice": "ja"}, format="json"
        )
        assert response.status_code == 200
    assert response.json()["status"] == "goedgekeurd"
    assert not ProcessingRecord.objects.filter(activity="voorstel-beoordelen").exists()
    assert AuditRecord.objects.filter(activity="voorstel-beoordelen").count() >= 2


def test_requester_cannot_vote_and_others_cannot_see(setup, worker_a, worker_b):
    _fund, _colleagues, request = setup
    assert (
        api_for(worker_a)
        .post(f"/api/v1/approvals/{request.pk}/vote/", {"choice": "ja"}, format="json")
        .status_code
        == 404
    )
    assert api_for(worker_b).get(f"/api/v1/approvals/{request.pk}/").status_code == 404


def test_funds_show_utilisation_and_policies_their_rules(setup, worker_a):
    fund, colleagues, request = setup
    for colleague in colleagues:
        api_for(colleague).post(
            f"/api/v1/approvals/{request.pk}/vote/", {"choice": "ja"}, format="json"
        )
    body = api_for(worker_a).get(f"/api/v1/funds/{fund.pk}/").json()
    assert body["utilisation"] == {
        "budget": "2500.00",
        "free": "2150.00",
        "reserved": "350.00",
        "paid": "0.00",
    }
    policy = api_for(worker_a).get(f"/api/v1/approval-policies/{fund.approval_policy_id}/")
    assert policy.json()["quorum"] == 3 and policy.json()["version"] == 1


def test_batches_over_the_api_only_for_who_handles_payments(setup, team_a, worker_a):
    fund, colleagues, request = setup
    for colleague in colleagues:
        api_for(colleague).post(
            f"/api/v1/approvals/{request.pk}/vote/", {"choice": "ja"}, format="json"
        )
    assert (
        api_for(worker_a)
        .post("/api/v1/payment-batches/", {"fund": fund.pk}, format="json")
        .status_code
        == 404  # as for a fund they cannot see (issue 11, finding 8)
    )
    assert api_for(worker_a).get("/api/v1/payment-orders/").json()["count"] == 0
    leader = api_for(UserFactory(username="leider", role=Role.TEAMLEIDER, team=team_a))
    assert leader.get("/api/v1/payment-orders/").json()["count"] == 1
    created = leader.post("/api/v1/payment-batches/", {"fund": fund.pk}, format="json")
    assert created.status_code == 201 and len(created.json()["orders"]) == 1
    batch_id = created.json()["id"]
    first = leader.get(f"/api/v1/payment-batches/{batch_id}/pain001/")
    again = leader.get(f"/api/v1/payment-batches/{batch_id}/pain001/")
    assert first.status_code == 200 and first.content == again.content
    assert leader.get(f"/api/v1/payment-batches/{batch_id}/csv/").status_code == 200
    paid = leader.post(f"/api/v1/payment-batches/{batch_id}/mark-paid/")
    assert paid.json()["status"] == "betaald"
    assert PaymentBatch.objects.get().orders.get().status == "betaald"
    empty = leader.post("/api/v1/payment-batches/", {"fund": fund.pk}, format="json")
    assert empty.status_code == 400
