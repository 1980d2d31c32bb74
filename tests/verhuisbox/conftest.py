import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.funds.models import Fund
from doorbraak.funds.services import fund_open
from doorbraak.verhuisbox import services
from tests.factories import CaseFactory, UserFactory
from tests.funds.conftest import make_policy

DAY = datetime.timedelta(days=1)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def worker(team_a):
    return UserFactory(role=Role.GEZINSWERKER, team=team_a, organisation=team_a.organisation)


@pytest.fixture
def outsider(team_b):
    return UserFactory(role=Role.GEZINSWERKER, team=team_b, organisation=team_b.organisation)


@pytest.fixture
def case(worker):
    return CaseFactory(actor=worker, given_name="Mirella", family_name="Pinas")


@pytest.fixture
def fund(db, today):
    return fund_open(
        Fund(
            name="VerhuisboxPlus",
            programme="VerhuisboxPlus",
            period_start=today - 200 * DAY,
            period_end=today + 200 * DAY,
            total_budget=Decimal("5000.00"),
            approval_policy=make_policy(name="Beleid VerhuisboxPlus"),
        )
    )


@pytest.fixture
def trajectory(worker, case, fund, today):
    return services.trajectory_register(
        actor=worker,
        case=case,
        fund=fund,
        registered_on=today - 30 * DAY,
        no_heavy_addiction=True,
        no_large_debts=True,
        landlord_statement=True,
    )


@pytest.fixture
def started(worker, trajectory, today):
    return services.advice_record(
        actor=worker,
        trajectory=trajectory,
        advice_on=today - 28 * DAY,
        goals="Een eigen woning",
        regions="Zeeland",
        voluntary_discussed=True,
    )
