"""Small requests stay small (issue 10, item 13): on a fund whose approval policy makes the
request small, what is needed and why, amount, category, blocker, supplier and IBAN are
enough, through the service, the API and the form; above the amount or without a fund
everything stays required; the policy version in force is stored with the decision."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from doorbraak.approvals import services as approvals
from doorbraak.approvals.models import DecisionRecord
from doorbraak.proposals import lifecycle, services
from doorbraak.proposals.models import Category, Request
from tests.factories import UserFactory
from tests.funds.conftest import make_fund, make_policy
from tests.proposals.conftest import SUPPLIER_IBAN

pytestmark = pytest.mark.django_db

FRIDGE = "Koelkast voor de insuline van meneer; zonder koelkast kan hij die niet koel bewaren."


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def minimaatwerk(team_a):
    return make_fund(team_a, name="Minimaatwerkbudget Noord", ceiling_per_request=Decimal("500.00"))


@pytest.fixture
def huisraad():
    return Category.objects.get(key="huisraad")


def s1(**overrides):
    """S1 as a small request: six inputs."""
    values = {
        "solution": FRIDGE,
        "amount": Decimal("350.00"),
        "supplier_name": "Witgoedwinkel (test)",
        "supplier_iban": SUPPLIER_IBAN,
    }
    values.update(overrides)
    return values


def test_s1_is_a_small_request_and_is_decided_under_the_policy_version(
    case, worker_a, team_a, minimaatwerk, huisraad, blocker
):
    proposal = services.request_submit(
        actor=worker_a,
        case=case,
        category=huisraad,
        blockers=[blocker],
        fund=minimaatwerk,
        **s1(),
    )
    assert proposal.small and proposal.triangle.legitimacy == "" and proposal.prior_provisions == []
    colleagues = [UserFactory(team=team_a) for _ in range(3)]
    for colleague in colleagues:
        lifecycle.vote_cast(actor=colleague, request=proposal, choice="ja")
    proposal.refresh_from_db()
    assert proposal.status == "goedgekeurd"
    decision = DecisionRecord.objects.get(request=proposal)
    assert decision.policy_version.version == minimaatwerk.approval_policy.version
    assert "small_request_limit" in decision.policy_version.snapshot


@pytest.mark.parametrize(
    ("amount", "small"), [("350.00", True), ("500.00", True), ("500.01", False)]
)
def test_the_default_amount_is_the_fund_ceiling(case, minimaatwerk, huisraad, amount, small):
    from doorbraak.proposals import validation

    assert validation.is_small(minimaatwerk, Decimal(amount)) is small


def test_above_the_amount_everything_stays_required(case, worker_a, team_a, huisraad, settings):
    policy = make_policy(name="Klein tot 300", small_request_limit=Decimal("300.00"))
    fund = make_fund(team_a, name="Potje", policy=policy, ceiling_per_request=Decimal("1000"))
    assert services.request_submit(
        actor=worker_a, case=case, category=huisraad, fund=fund, **s1(amount=Decimal("300.00"))
    ).small
    with pytest.raises(ValidationError) as error:
        services.request_submit(
            actor=worker_a, case=case, category=huisraad, fund=fund, **s1(amount=Decimal("300.01"))
        )
    assert {"legitimacy", "involvement", "societal_return", "prior_provisions"} <= set(
        error.value.message_dict
    )
    assert "recurrence_prevention" in error.value.message_dict


def test_without_a_fund_or_with_zero_on_the_policy_it_is_never_small(
    case, worker_a, team_a, huisraad, minimaatwerk
):
    with pytest.raises(ValidationError) as error:
        services.request_submit(actor=worker_a, case=case, category=huisraad, fund=None, **s1())
    assert "legitimacy" in error.value.message_dict
    policy = make_policy(name="Nooit klein", small_request_limit=Decimal("0"))
    fund = make_fund(team_a, name="Streng potje", policy=policy, ceiling_per_request=Decimal(300))
    with pytest.raises(ValidationError) as error:
        services.request_submit(actor=worker_a, case=case, category=huisraad, fund=fund, **s1())
    assert "involvement" in error.value.message_dict
    assert not Request.objects.exists()


def test_policy_save_freezes_the_small_request_amount_in_the_version():
    policy = make_policy(name="Versies", small_request_limit=Decimal("250.00"))
    first = policy.versions.get(version=1)
    policy.small_request_limit = None
    approvals.policy_save(policy)
    second = policy.versions.get(version=2)
    assert first.snapshot["small_request_limit"] == "250.00"
    assert second.snapshot["small_request_limit"] is None
    assert first.as_policy().quorum == 3  # the quorum snapshot still reads


def test_api_applies_the_same_rule(case, worker_a, minimaatwerk, blocker):
    api = APIClient()
    api.force_authenticate(worker_a)
    body = {
        "case": case.pk,
        "blockers": [blocker.pk],
        "category": "huisraad",
        "fund": minimaatwerk.pk,
        "solution": FRIDGE,
        "amount": "350.00",
        "supplier_name": "Witgoedwinkel (test)",
        "supplier_iban": SUPPLIER_IBAN,
    }
    created = api.post("/api/v1/requests/", body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["small"] is True
    refused = api.post(
        "/api/v1/requests/", {**body, "amount": "600.00"}, format="json", HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert refused.status_code == 400
    assert {"legitimacy", "involvement", "prior_provisions", "fund"} <= set(refused.json())
    assert Request.objects.count() == 1


def test_the_form_starts_small_on_the_team_fund_and_says_so(client, worker_a, case, minimaatwerk):
    client.force_login(worker_a)
    url = reverse("cases:request-new", args=[case.pk])
    page = client.get(url).content.decode()
    assert f'<option value="{minimaatwerk.pk}" selected>' in page
    assert "Een klein voorstel." in page and "Wat is er nodig, en waarom?" in page
    assert '<details class="db-details" id="justification">' in page  # folded away
    full = client.post(
        url, {"action": "mode", "fund": minimaatwerk.pk, "amount": "600", "frequency": "eenmalig"}
    )
    assert "Een volledig voorstel." in full.content.decode()
    small = client.post(
        url, {"action": "mode", "fund": minimaatwerk.pk, "amount": "350", "frequency": "eenmalig"}
    )
    assert "Een klein voorstel." in small.content.decode()


def test_s1_through_the_form_with_six_inputs(
    client, worker_a, case, minimaatwerk, huisraad, blocker
):
    client.force_login(worker_a)
    url = reverse("cases:request-new", args=[case.pk])
    six = {
        "blockers": [blocker.pk],
        "solution": FRIDGE,
        "category": "huisraad",
        "amount": "350",
        "supplier_name": "Witgoedwinkel (test)",
        "supplier_iban": SUPPLIER_IBAN,
    }
    preset = {"fund": minimaatwerk.pk, "frequency": "eenmalig", **management()}
    checked = client.post(url, {**six, **preset, "action": "check"})
    assert checked.status_code == 200
    assert "Wat beoordelaars lezen" in checked.content.decode()
    done = client.post(url, {**six, **preset, "action": "submit"})
    assert done.status_code == 302
    assert Request.objects.get().small
    detail = client.get(done["Location"]).content.decode()
    assert "de waardendriehoek is optioneel en is niet ingevuld" in detail and "None" not in detail


def management(prefix="avoided"):
    return {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
