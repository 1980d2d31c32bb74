"""Scenarios S1, S2, S3 and S5 (SCENARIOS.md) through the services, with the seeds' numbers.
S4 is played in a phone-size browser in tests/e2e."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from stdnum import iban

from doorbraak.accounts.roles import Role
from doorbraak.approvals import services as approvals
from doorbraak.approvals.models import ApprovalGroup, Notification
from doorbraak.funds import ledger
from doorbraak.funds import services as funds
from doorbraak.proposals import services as proposals
from doorbraak.proposals.models import Category, LegalGround, Request
from tests.factories import CaseFactory, UserFactory
from tests.funds.conftest import make_fund, make_policy

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


def test_s1_fridge_for_insulin_three_yes_then_paid_to_the_shop(worker_a, colleagues, minimaatwerk):
    request = submit(worker_a, minimaatwerk, "350.00")
    assert set(Notification.objects.filter(request=request).values_list("user", flat=True)) == {
        c.pk for c in colleagues
    }
    with pytest.raises(PermissionDenied):
        approvals.vote_cast(actor=worker_a, request=request, choice="ja")
    for colleague in colleagues[:2]:
        approvals.vote_cast(actor=colleague, request=request, choice="ja")
        assert Request.objects.get(pk=request.pk).status == "ingediend"
    approvals.vote_cast(actor=colleagues[2], request=request, choice="ja")
    request.refresh_from_db()
    assert request.status == "goedgekeurd" and request.category.key == "huisraad"
    assert request.decision.explanation["reason"] == "quorum_reached"
    assert request.decision.policy_version.version == 1
    assert ledger.balances(minimaatwerk.pk).reserved == 35_000
    order = request.payment_orders.get()
    assert (order.creditor_iban, order.amount) == (SHOP_IBAN, Decimal("350.00"))
    assert order.creditor_name == "Witgoed (demo)"  # the shop, never the man

    batch = funds.batch_create(fund=minimaatwerk, actor=worker_a)
    funds.batch_mark_paid(batch=batch, actor=worker_a)
    funds.batch_mark_paid(batch=batch, actor=worker_a)  # a double click pays once
    request.refresh_from_db()
    assert request.status == "betaald"
    assert ledger.balances(minimaatwerk.pk) == ledger.Balances(-250_000, 215_000, 0, 35_000)
    with pytest.raises(ValidationError):
        approvals.vote_cast(actor=colleagues[3], request=request, choice="ja")


def test_s2_id_and_scooter_licence_shows_in_the_category_report(worker_a, colleagues, minimaatwerk):
    request = submit(
        worker_a,
        minimaatwerk,
        "125.00",
        category="werk",
        solution="Nieuw ID-bewijs en scooterbewijs om in Duitsland te starten",
    )
    for colleague in colleagues[:3]:
        approvals.vote_cast(actor=colleague, request=request, choice="ja")
    report = funds.spent_by_category(minimaatwerk)
    assert report == [{"category__label": "Werk", "total": Decimal("125.00")}]


def test_s3_old_debt_fits_at_500_and_is_refused_at_500_01(worker_a, minimaatwerk, team_a):
    assert submit(worker_a, minimaatwerk, "500.00", category="schulden").pk
    with pytest.raises(ValidationError) as error:
        submit(worker_a, minimaatwerk, "500.01", category="schulden")
    messages = " ".join(error.value.message_dict["fund"])
    assert "€ 500,01" in messages and "€ 500,00" in messages
    assert "Doorbraaktafel" in messages  # the next route
    make_fund(team_a, name="Voorkom Erger Potje", budget_cents=500_000)
    with pytest.raises(ValidationError) as error:
        submit(worker_a, minimaatwerk, "500.01", category="schulden")
    assert "Voorkom Erger Potje" in " ".join(error.value.message_dict["fund"])
    assert Request.objects.count() == 1


@pytest.fixture
def herstelpotje(team_a, worker_a):
    roles = {
        "gezinswerker-2": Role.GEZINSWERKER,
        "gezinswerker-3": Role.GEZINSWERKER,
        "wi": Role.INKOMENSCONSULENT,
        "manager": Role.TEAMLEIDER,
        "projectleider": Role.PROJECTLEIDER,
        "manager-wi": Role.MANAGER_WI,
    }
    people = {
        name: UserFactory(username=name, role=role, team=None) for name, role in roles.items()
    }
    group = ApprovalGroup.objects.create(name="Herstelpotje Utrecht")
    group.members.set([worker_a, *people.values()])
    policy = make_policy(
        name="Toeslagenherstelpotje",
        pool="groep",
        group=group,
        quorum=3,
        role_rules=[
            {
                "above": "5000.00",
                "roles": ["gezinswerker", "teamleider", "projectleider", "manager-wi"],
            }
        ],
        veto_roles=["inkomensconsulent"],
    )
    fund = make_fund(team_a, name="Toeslagenherstelpotje", budget_cents=5_000_000, policy=policy)
    return fund, people


def test_s5_washing_machine_needs_three_yes(worker_a, herstelpotje):
    fund, people = herstelpotje
    request = submit(worker_a, fund, "600.00", solution="Wasmachine")
    for name in ["gezinswerker-2", "wi", "projectleider"]:
        approvals.vote_cast(actor=people[name], request=request, choice="ja")
    request.refresh_from_db()
    assert request.status == "goedgekeurd"


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
        approvals.vote_cast(actor=people[name], request=request, choice="ja")
    request.refresh_from_db()
    assert request.status == "ingediend"
    state = approvals.decision_state(request)
    assert state.missing_roles == ("manager-wi",)
    assert approvals.waiting_for(request)[0] == people["manager-wi"]
    approvals.vote_cast(actor=people["manager-wi"], request=request, choice="ja")
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
    approvals.vote_cast(actor=people["gezinswerker-2"], request=request, choice="ja")
    with pytest.raises(ValidationError):
        approvals.vote_cast(actor=people["wi"], request=request, choice="nee")
    approvals.vote_cast(
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
        approvals.vote_cast(actor=colleague, request=request, choice="ja")
    proposals.request_withdraw(actor=worker_a, request=request, reason="Toch niet nodig")
    request.refresh_from_db()
    assert request.status == "ingetrokken"
    assert ledger.balances(minimaatwerk.pk).reserved == 0
    assert not request.payment_orders.filter(status="open").exists()


def test_solved_otherwise_is_recorded_with_how(worker_a, minimaatwerk):
    request = submit(worker_a, minimaatwerk, "90.00")
    proposals.request_solve_otherwise(
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
        approvals.vote_cast(actor=colleague, request=first, choice="ja")
    for colleague in colleagues[:2]:
        approvals.vote_cast(actor=colleague, request=second, choice="ja")
    with pytest.raises(ValidationError):
        approvals.vote_cast(actor=colleagues[2], request=second, choice="ja")
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
