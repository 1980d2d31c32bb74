"""Scenarios S1, S2, S3 and S5 through the API, as an external tool or the screens would play
them: submit to a fund, colleagues vote, the team leader pays a batch. (S4 is played in a
phone-size browser, tests/e2e/test_approval_flow.py.)"""

from decimal import Decimal

import pytest
from stdnum import iban

from doorbraak.accounts.roles import Role
from doorbraak.funds import ledger
from doorbraak.proposals.models import LegalGround
from tests.factories import CaseFactory, UserFactory, api_for
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db

SHOP_IBAN = "NL" + iban.calc_check_digits("NL00DEMO0000000350") + "DEMO0000000350"


@pytest.fixture
def team(team_a, worker_a):
    colleagues = [
        UserFactory(username=f"collega-{i}", team=team_a, email=f"collega-{i}@example.org")
        for i in range(3)
    ]
    leader = UserFactory(
        username="teamleider", role=Role.TEAMLEIDER, team=team_a, email="teamleider@example.org"
    )
    fund = make_fund(
        team_a,
        name="Minimaatwerkbudget",
        budget_cents=250_000,
        ceiling_per_request=Decimal("500.00"),
    )
    fund.debtor_iban = "NL" + iban.calc_check_digits("NL00DEMO0000000001") + "DEMO0000000001"
    fund.save()
    return {"fund": fund, "colleagues": colleagues, "leader": leader}


def submit(worker, fund, amount, category, solution, *, avoided=None, expect=201):
    case = CaseFactory(actor=worker)
    body = {
        "case": case.pk,
        "fund": fund.pk,
        "category": category,
        "solution": solution,
        "amount": amount,
        "supplier_name": "Leverancier (demo)",
        "supplier_iban": SHOP_IBAN,
        "prior_provisions": ["geen"],
        "recurrence_prevention": "Eenmalig.",
        "triangle": {
            "legal_ground": LegalGround.objects.get(article="art. 35").pk,
            "legitimacy": "Bijzondere omstandigheden.",
            "involvement": "De bewoner regelt het zelf.",
            "societal_return": "Voorkomt erger.",
        },
    }
    if avoided:
        body["cost_benefit"] = {"avoided": avoided}
    response = api_for(worker).post(
        "/api/v1/requests/", body, format="json", HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == expect, response.content
    return response.json()


def vote(user, request_id, choice="ja", comment=""):
    return api_for(user).post(
        f"/api/v1/approvals/{request_id}/vote/",
        {"choice": choice, "comment": comment},
        format="json",
    )


def test_s1_fridge_three_yes_paid_in_kind_to_the_shop(
    worker_a, team, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = submit(
            worker_a, team["fund"], "350.00", "huisraad", "Koelkast om insuline koel te bewaren"
        )
    assert len(mailoutbox) == 4  # three colleagues and the team leader are asked
    assert all(request["reference"] in m.body and "Test" not in m.body for m in mailoutbox)
    assert vote(worker_a, request["id"]).status_code == 404  # never the requester
    for colleague in team["colleagues"]:
        decided = vote(colleague, request["id"])
    assert decided.json()["status"] == "goedgekeurd"
    leader = api_for(team["leader"])
    orders = leader.get("/api/v1/payment-orders/").json()["results"]
    assert [(o["creditor_iban"], o["amount"]) for o in orders] == [(SHOP_IBAN, "350.00")]
    batch = leader.post("/api/v1/payment-batches/", {"fund": team["fund"].pk}, format="json").json()
    leader.post(f"/api/v1/payment-batches/{batch['id']}/mark-paid/")
    assert api_for(worker_a).get(f"/api/v1/requests/{request['id']}/").json()["status"] == (
        "betaald"
    )
    assert ledger.balances(team["fund"].pk).paid == 35_000


def test_s2_scooter_licence_approved_by_three_and_in_the_category_report(worker_a, team):
    request = submit(
        worker_a,
        team["fund"],
        "125.00",
        "werk",
        "Nieuw ID-bewijs en scooterbewijs om in Duitsland te kunnen starten",
    )
    for colleague in team["colleagues"]:
        vote(colleague, request["id"])
    from doorbraak.funds.services import spent_by_category

    assert spent_by_category(team["fund"]) == [
        {"category__label": "Werk", "total": Decimal("125.00")}
    ]


def test_s3_old_debt_500_fits_and_500_01_is_refused_with_the_next_route(worker_a, team):
    submit(worker_a, team["fund"], "500.00", "schulden", "Oude schuld die de regeling bedreigt")
    refused = submit(
        worker_a,
        team["fund"],
        "500.01",
        "schulden",
        "Oude schuld die de regeling bedreigt",
        expect=400,
        avoided=[{"label": "Mislukte schuldregeling", "amount": "5000", "probability": "0.5"}],
    )
    text = " ".join(refused["fund"])
    assert "€ 500,01" in text and "€ 500,00" in text and "Doorbraaktafel" in text


AVOIDED = [{"label": "Nieuwe schulden en uitval", "amount": "20000", "probability": "0.5"}]


def test_s5_washing_machine_600_needs_three_yes(worker_a, herstelpotje):
    fund, people = herstelpotje
    request = submit(worker_a, fund, "600.00", "huisraad", "Wasmachine", avoided=AVOIDED)
    for name in ["gezinswerker-2", "wi"]:
        assert vote(people[name], request["id"]).json()["status"] == "ingediend"
    assert vote(people["projectleider"], request["id"]).json()["status"] == "goedgekeurd"


def test_s5_training_6500_needs_four_roles_a_fifth_yes_does_not_replace_one(worker_a, herstelpotje):
    fund, people = herstelpotje
    request = submit(
        worker_a,
        fund,
        "6500.00",
        "onderwijs",
        "Opleiding tot pedagogisch medewerker die nooit kon worden afgemaakt",
        avoided=AVOIDED,
    )
    for name in ["gezinswerker-2", "manager", "projectleider", "gezinswerker-3", "wi"]:
        assert vote(people[name], request["id"]).json()["status"] == "ingediend"
    assert vote(people["manager-wi"], request["id"]).json()["status"] == "goedgekeurd"
