"""The request flow through the services: role rules, veto, withdrawal, solved otherwise,
budget that runs out, and overdue requests. The scenarios S1–S5 are played through the API
(test_scenarios_api.py) and a phone-size browser (tests/e2e)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from stdnum import iban

from doorbraak.accounts.roles import Role
from doorbraak.approvals import services as approvals
from doorbraak.approvals.models import Notification
from doorbraak.funds import ledger
from doorbraak.proposals import lifecycle
from doorbraak.proposals import services as proposals
from doorbraak.proposals.models import Category, LegalGround
from tests.factories import CaseFactory, UserFactory
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db

SHOP_IBAN = "NL" + iban.calc_check_digits("NL00DEMO0000000350") + "DEMO0000000350"


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def colleagues(team_a):
    return [UserFactory(username=f"collega-{i}", team=team_a) for i in range(4)]


@pytest.fixture
def minimaatwerk(team_a):
    fund = make_fund(
        team_a,
        name="Minimaatwerkbudget",
        budget_cents=250_000,
        ceiling_per_request=Decimal("500.00"),
    )
    fund.debtor_iban = "NL" + iban.calc_check_digits("NL00DEMO0000000001") + "DEMO0000000001"
    fund.save()
    return fund


def submit(
    worker, fund, amount, category="huisraad", solution="Koelkast voor insuline", case=None, **extra
):
    case = case or CaseFactory(actor=worker)
    values = {
        "solution": solution,
        "amount": Decimal(amount),
        "supplier_name": "Witgoed (demo)",
        "supplier_iban": SHOP_IBAN,
        "prior_provisions": ["geen"],
        "recurrence_prevention": "Eenmalig.",
        "legitimacy": "Bijzondere omstandigheden.",
        "involvement": "Meneer regelt de bezorging.",
        "societal_return": "Voorkomt opname.",
    }
    if Decimal(amount) > 500:
        values["avoided"] = [
            {"label": "Kosten als het vastloopt", "amount": "9000.00", "probability": "0.5"}
        ]
    values.update(extra)
    return proposals.request_submit(
        actor=worker,
        case=case,
        fund=fund,
        category=Category.objects.get(key=category),
        legal_ground=LegalGround.objects.get(article="art. 35"),
        **values,
    )


def test_s5_training_needs_all_four_roles_and_a_fifth_yes_does_not_replace_one(
    worker_a, herstelpotje
):
    fund, people = herstelpotje
    request = submit(
        worker_a,
        fund,
        "6500.00",
        category="onderwijs",
        solution="Opleiding die nooit gevolgd kon worden",
    )
    for name in ["gezinswerker-2", "manager", "projectleider", "gezinswerker-3", "wi"]:
        lifecycle.vote_cast(actor=people[name], request=request, choice="ja")
    request.refresh_from_db()
    assert request.status == "ingediend"
    state, waiting = approvals.vote_overview(request)
    assert state.missing_roles == ("manager-wi",)
    assert waiting[0] == people["manager-wi"]
    lifecycle.vote_cast(actor=people["manager-wi"], request=request, choice="ja")
    request.refresh_from_db()
    assert request.status == "goedgekeurd"
    assert request.decision.explanation["rule"]["roles"] == [
        "gezinswerker",
        "teamleider",
        "projectleider",
        "manager-wi",
    ]


def test_income_consultant_can_stop_an_unlawful_request(worker_a, herstelpotje):
    fund, people = herstelpotje
    request = submit(worker_a, fund, "600.00")
    lifecycle.vote_cast(actor=people["gezinswerker-2"], request=request, choice="ja")
    with pytest.raises(ValidationError):
        lifecycle.vote_cast(actor=people["wi"], request=request, choice="nee")
    lifecycle.vote_cast(
        actor=people["wi"],
        request=request,
        choice="nee",
        comment="Niet rechtmatig: er is een voorliggende voorziening.",
    )
    request.refresh_from_db()
    assert request.status == "afgewezen" and request.decision.explanation["reason"] == "veto"
    assert ledger.balances(fund.pk).reserved == 0


def test_withdraw_after_approval_releases_the_money(worker_a, colleagues, minimaatwerk):
    request = submit(worker_a, minimaatwerk, "200.00")
    for colleague in colleagues[:3]:
        lifecycle.vote_cast(actor=colleague, request=request, choice="ja")
    lifecycle.request_withdraw(actor=worker_a, request=request, reason="Toch niet nodig")
    request.refresh_from_db()
    assert request.status == "ingetrokken"
    assert ledger.balances(minimaatwerk.pk).reserved == 0
    assert not request.payment_orders.filter(status="open").exists()


def test_solved_otherwise_is_recorded_with_how(worker_a, minimaatwerk):
    request = submit(worker_a, minimaatwerk, "90.00")
    lifecycle.request_solve_otherwise(
        actor=worker_a,
        request=request,
        alternative="zonder-kosten",
        note="Tip uit de groep: de kringloop levert gratis.",
    )
    request.refresh_from_db()
    assert (request.status, request.alternative) == ("elders-opgelost", "zonder-kosten")


def test_approval_that_the_fund_cannot_pay_saves_nothing(worker_a, colleagues, team_a):
    fund = make_fund(team_a, name="Bijna leeg", budget_cents=10_000)
    first, second = submit(worker_a, fund, "80.00"), submit(worker_a, fund, "80.00")
    for colleague in colleagues[:3]:
        lifecycle.vote_cast(actor=colleague, request=first, choice="ja")
    for colleague in colleagues[:2]:
        lifecycle.vote_cast(actor=colleague, request=second, choice="ja")
    with pytest.raises(lifecycle.MoneyConflict):
        lifecycle.vote_cast(actor=colleagues[2], request=second, choice="ja")
    second.refresh_from_db()
    assert second.status == "ingediend" and second.votes.count() == 2
    assert ledger.balances(fund.pk).available == 2_000


def test_requests_nobody_decides_on_are_flagged_to_the_team_leader(
    worker_a, colleagues, minimaatwerk, team_a
):
    from datetime import timedelta

    from django.utils import timezone

    leader = UserFactory(username="leider", role=Role.TEAMLEIDER, team=team_a)
    request = submit(worker_a, minimaatwerk, "50.00")
    assert approvals.flag_overdue() == 0
    later = timezone.now() + timedelta(hours=49)
    assert approvals.flag_overdue(now=later) == 1
    assert approvals.flag_overdue(now=later) == 0  # once
    assert Notification.objects.filter(user=leader, request=request, kind="te-laat").exists()
