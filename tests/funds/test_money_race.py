"""Withdrawals and payment batches released at the same moment, over many rounds, on
PostgreSQL (issue 11, finding 1). A withdrawn request must never have an order in a batch, every
batch must be payable, and the ledger must replay to its balances.

The requests are made directly (approved, reserved, one open order each) so that the rounds
are about the race, not the anonymiser; the money path is the real one (proposals.lifecycle)."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from doorbraak.funds import ledger
from doorbraak.funds import services as fund_services
from doorbraak.funds.models import BatchStatus, OrderStatus, PaymentBatch, PaymentOrder
from doorbraak.proposals import lifecycle
from doorbraak.proposals.models import Category, Request, RequestStatus
from tests.approvals.test_flow import SHOP_IBAN
from tests.factories import CaseFactory
from tests.funds.conftest import make_fund

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS, PER_ROUND, BATCHERS = 15, 6, 2


def approved_request(fund, worker, case, n: int) -> Request:
    request = Request.objects.create(
        case=case,
        solution=f"Koelkast {n} (synthetisch)",
        category=Category.objects.get_or_create(key="huisraad", defaults={"label": "Huisraad"})[0],
        amount=Decimal("25.00"),
        supplier_name="Witgoed (demo)",
        supplier_iban=SHOP_IBAN,
        created_by=worker,
        fund=fund,
        status=RequestStatus.APPROVED,
    )
    ledger.reserve(
        fund_id=fund.pk, ref=request.reference, cents=2500, request_id=request.pk, memo="test"
    )
    fund_services.orders_create(request)
    return request


def run_together(jobs) -> list[BaseException]:
    """Start every job at the same barrier; return what they raised unexpectedly."""
    barrier, errors, lock = threading.Barrier(len(jobs)), [], threading.Lock()

    def wrap(job):
        try:
            barrier.wait()
            job()
        except (lifecycle.MoneyConflict, ValidationError):
            pass  # a refusal is a fine outcome: the other action came first
        except BaseException as error:  # noqa: BLE001 - reported by the test
            with lock:
                errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=wrap, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return errors


def test_a_withdrawn_request_never_ends_up_in_a_batch(team_a, worker_a):
    assert connection.vendor == "postgresql"
    fund = make_fund(team_a, name="Racepotje", budget_cents=1_000_000)
    fund.debtor_iban = SHOP_IBAN
    fund.save()
    case = CaseFactory(actor=worker_a)
    withdrawn_in_round = 0
    for round_no in range(ROUNDS):
        requests = [
            approved_request(fund, worker_a, case, round_no * PER_ROUND + i)
            for i in range(PER_ROUND)
        ]
        withdraw = [
            (lambda r=r: lifecycle.request_withdraw(actor=worker_a, request=r, reason="Race"))
            for r in requests[::2]
        ]
        batch = [
            (lambda: lifecycle.batch_create(fund=fund, actor=worker_a)) for _ in range(BATCHERS)
        ]
        errors = run_together(withdraw + batch)
        assert errors == [], f"round {round_no}: {errors!r}"
        withdrawn_in_round += Request.objects.filter(
            pk__in=[r.pk for r in requests], status=RequestStatus.WITHDRAWN
        ).count()

    leaked = PaymentOrder.objects.filter(
        request__status=RequestStatus.WITHDRAWN,
        status__in=[OrderStatus.BATCHED, OrderStatus.PAID],
    )
    assert list(leaked.values_list("request_id", flat=True)) == []
    assert withdrawn_in_round > 0
    assert PaymentOrder.objects.filter(status=OrderStatus.BATCHED).exists()

    # Every batch is payable: nothing is stuck, and the money adds up.
    for open_batch in PaymentBatch.objects.filter(status=BatchStatus.OPEN):
        lifecycle.batch_mark_paid(batch=open_batch, actor=worker_a)
    assert not PaymentOrder.objects.filter(status=OrderStatus.BATCHED).exists()
    balances = ledger.balances(fund.pk)
    assert balances == ledger.replayed_balances(fund.pk)
    paid = PaymentOrder.objects.filter(status=OrderStatus.PAID).count()
    assert balances.paid == paid * 2500
    open_orders = PaymentOrder.objects.filter(status=OrderStatus.OPEN).count()
    assert balances.reserved == open_orders * 2500
    assert (
        not Request.objects.filter(status=RequestStatus.APPROVED)
        .exclude(payment_orders__status=OrderStatus.OPEN)
        .exists()
    ), "a request whose orders are all paid is marked paid"
