import datetime

import pytest

from doorbraak.approvals.models import ApprovalPolicy
from doorbraak.approvals.services import policy_save
from doorbraak.funds import ledger, ledger_write
from doorbraak.funds.models import Fund


def make_policy(name="Drie keer ja", **fields):
    policy = ApprovalPolicy(name=name, **fields)
    policy_save(policy)
    return policy


def make_fund(team, *, name="Minimaatwerkbudget", budget_cents=200_000, policy=None, **extra):
    fund = Fund.objects.create(
        name=name,
        owner_team=team,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        total_budget=budget_cents / 100,
        approval_policy=policy or make_policy(name=f"Beleid {name}"),
        **extra,
    )
    ledger.open_accounts(fund)
    ledger.allocate(fund_id=fund.pk, cents=budget_cents, key=f"allocate:{fund.pk}")
    return fund


@pytest.fixture
def fund(team_a):
    return make_fund(team_a)


@pytest.fixture(params=["one statement", "orm"])
def both_write_paths(request, monkeypatch):
    """Run a ledger test on both write paths of funds.ledger_write (on SQLite both are the
    ORM path)."""
    monkeypatch.setattr(ledger_write, "ONE_STATEMENT_ON_POSTGRES", request.param != "orm")
    return request.param
