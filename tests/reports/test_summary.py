"""The summary tables equal a recount from the raw rows after any sequence of actions: submit,
vote (and so decide), withdraw, solve otherwise, pay, hand a case to another team."""

import uuid
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum import iban

from doorbraak.accounts.roles import Role
from doorbraak.cases import services as case_services
from doorbraak.proposals import lifecycle
from doorbraak.proposals.models import Request
from doorbraak.reports import summary
from doorbraak.reports.models import WITHIN_FIELDS, RequestFigure
from tests.approvals.test_flow import submit
from tests.factories import CaseFactory, TeamFactory, UserFactory
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db


def paying_fund(team):
    fund = make_fund(
        team,
        name=f"Potje {uuid.uuid4().hex[:8]}",
        budget_cents=500_000,
        ceiling_per_request=Decimal("500.00"),
    )
    fund.debtor_iban = "NL" + iban.calc_check_digits("NL00DEMO0000000001") + "DEMO0000000001"
    fund.save()
    return fund


def snapshot() -> list[tuple]:
    fields = (
        "team_id",
        "fund_id",
        "category_id",
        "month",
        "status",
        "alternative",
        "requests",
        "small",
        "amount",
        "decided",
        *WITHIN_FIELDS,
    )
    return sorted(
        tuple(row[f] if f != "amount" else Decimal(row[f]) for f in fields)
        for row in RequestFigure.objects.values(*fields)
    )


def recount() -> list[tuple]:
    summary.refresh_all()
    return snapshot()


actions = st.lists(
    st.tuples(
        st.sampled_from(["submit", "vote", "withdraw", "otherwise", "pay", "handover"]),
        st.integers(0, 5),
    ),
    min_size=1,
    max_size=12,
)


def play(steps, worker, leader, colleagues, fund, case, team, other_worker) -> list[Request]:
    """Run a hypothesis sequence of (action, n) on requests of `case` paid from `fund`;
    an action the state does not allow is refused, and that is fine. Returns the requests
    made (shared with test_municipality_summary)."""
    made: list[Request] = []
    for action, n in steps:
        target = made[n % len(made)] if made else None
        target = Request.objects.get(pk=target.pk) if target else None
        try:
            if action == "submit" or target is None:
                made.append(submit(worker, fund, f"{50 + n * 10}.00", case=case))
            elif action == "vote":
                for colleague in colleagues:
                    lifecycle.vote_cast(actor=colleague, request=target, choice="ja")
            elif action == "withdraw":
                lifecycle.request_withdraw(actor=worker, request=target, reason="Niet nodig")
            elif action == "otherwise":
                lifecycle.request_solve_otherwise(
                    actor=worker, request=target, alternative="zonder-kosten", note="Gratis"
                )
            elif action == "pay":
                batch = lifecycle.batch_create(fund=fund, actor=leader)
                lifecycle.batch_mark_paid(batch=batch, actor=leader)
            elif action == "handover" and case.team_id == team.pk:
                case_services.key_worker_handover(
                    actor=worker, case=case, to_user=other_worker, reason="Verhuisd"
                )
                case.refresh_from_db()
        except Exception as error:  # an action the state does not allow: refused, fine
            if type(error).__name__ not in {
                "ValidationError",
                "PermissionDenied",
                "MoneyConflict",
                "BatchConflict",
            }:
                raise
    return made


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions)
def test_figures_equal_a_recount_after_any_actions(team_a, worker_a, steps):
    with translation.override("nl"):
        summary.refresh_all()  # earlier examples left their rows: start from true figures
        leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
        colleagues = [UserFactory(team=team_a) for _ in range(3)]
        fund = paying_fund(team_a)
        other_team = TeamFactory()
        other_worker = UserFactory(team=other_team, role=Role.GEZINSWERKER)
        case = CaseFactory(actor=worker_a)
        play(steps, worker_a, leader, colleagues, fund, case, team_a, other_worker)
        kept = snapshot()
        assert kept == recount()


def test_a_request_moves_through_the_figures(team_a, worker_a):
    with translation.override("nl"):
        colleagues = [UserFactory(team=team_a) for _ in range(3)]
        leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
        fund = paying_fund(team_a)
        request = submit(worker_a, fund, "120.00")
        assert list(RequestFigure.objects.values_list("status", "requests", "amount")) == [
            ("ingediend", 1, Decimal("120.00"))
        ]
        for colleague in colleagues:
            lifecycle.vote_cast(actor=colleague, request=request, choice="ja")
        figure = RequestFigure.objects.get()
        assert (figure.status, figure.decided) == ("goedgekeurd", 1)
        assert figure.decided_within[0] == 1  # decided within the hour
        lifecycle.batch_mark_paid(
            batch=lifecycle.batch_create(fund=fund, actor=leader), actor=leader
        )
        assert RequestFigure.objects.get().status == "betaald"
        other = UserFactory(team=TeamFactory(), role=Role.GEZINSWERKER)
        case_services.key_worker_handover(
            actor=worker_a, case=request.case, to_user=other, reason="Verhuisd"
        )
        assert RequestFigure.objects.get().team_id == other.team_id
        assert snapshot() == recount()
