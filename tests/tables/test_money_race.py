"""A table's money decision under a double click, on PostgreSQL: two submits of the same
decision released at one barrier reserve through the ledger exactly once."""

import threading
from decimal import Decimal

import pytest
from django.db import connections

from doorbraak.funds import ledger
from doorbraak.funds.models import LedgerTransaction, Reservation, TransactionKind
from doorbraak.tables import services

from .conftest import TODAY, at_table, waiting_request
from .test_services import decision

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def route(db):
    """The default route (a transactional test before this one may have flushed it)."""
    from doorbraak.escalation import starter
    from doorbraak.escalation.models import EscalationLevel, EscalationRoute, RouteVersion

    if not EscalationRoute.objects.filter(municipality__isnull=True).exists():
        starter.load(EscalationRoute, EscalationLevel, RouteVersion)
    return EscalationRoute.objects.get(municipality__isnull=True)


def test_double_click_reserves_once(table, member, case_l, worker_a, leader, team_a):
    from tests.funds.conftest import make_fund

    fund = make_fund(team_a)
    rounds = 5
    items = []
    for _ in range(rounds):
        escalation = at_table(worker_a, case_l, waiting_request(case_l, worker_a), leader)
        meeting = services.meeting_plan(actor=member, table=table, date=TODAY, today=TODAY)
        items.append(services.item_add(actor=member, meeting=meeting, escalation=escalation))
    errors = []
    for item in items:
        barrier = threading.Barrier(2)

        def click(item=item, barrier=barrier):
            try:
                barrier.wait()
                services.item_decide(
                    actor=member,
                    item=item,
                    data=decision(amount=Decimal("250.00"), fund=fund),
                    today=TODAY,
                )
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=click) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert Reservation.objects.count() == rounds
    assert LedgerTransaction.objects.filter(kind=TransactionKind.RESERVE).count() == rounds
    balances = ledger.balances(fund.pk)
    assert balances.reserved == rounds * 25000
    assert ledger.replayed_balances(fund.pk) == balances
