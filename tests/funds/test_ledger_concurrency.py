"""32 workers fire 5,000 random reserve/pay/release actions, with duplicate submissions, at 10
funds with small budgets, on PostgreSQL. Afterwards the ledger must be exactly right.

Seeded and replayable: DOORBRAAK_LEDGER_SEED picks the action list (printed on failure)."""

import os
import random
import threading
from collections import Counter

import pytest
from django.db import connection, connections
from django.db.models import Count, Sum

from doorbraak.funds import ledger
from doorbraak.funds.ledger import LedgerError
from doorbraak.funds.models import LedgerAccount, LedgerEntry, LedgerTransaction, Reservation
from tests.funds.conftest import make_fund

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("both_write_paths"),
]

WORKERS, ACTIONS, FUNDS = 32, 5000, 10
SEED = int(os.environ.get("DOORBRAAK_LEDGER_SEED", "20261123"))


def plan(rng: random.Random, fund_ids: list[int]) -> list[tuple]:
    """A list of actions; about a fifth repeat an earlier one exactly (a double click)."""
    actions: list[tuple] = []
    refs: list[tuple[int, str]] = []
    for n in range(ACTIONS):
        roll = rng.random()
        if actions and roll < 0.2:
            actions.append(rng.choice(actions))
        elif roll < 0.55 or not refs:
            fund_id, ref = rng.choice(fund_ids), f"R-{n}"
            refs.append((fund_id, ref))
            actions.append(("reserve", fund_id, ref, rng.randint(100, 8_000)))
        elif roll < 0.8:
            fund_id, ref = rng.choice(refs)
            actions.append(("pay", fund_id, ref, rng.randint(50, 4_000), f"pay:{ref}:{n}"))
        else:
            fund_id, ref = rng.choice(refs)
            actions.append(("release", fund_id, ref))
    return actions


def run(action) -> str:
    kind, fund_id, ref, *rest = action
    try:
        if kind == "reserve":
            ledger.reserve(fund_id=fund_id, ref=ref, cents=rest[0])
        elif kind == "pay":
            ledger.pay(fund_id=fund_id, ref=ref, cents=rest[0], key=rest[1])
        else:
            ledger.release(fund_id=fund_id, ref=ref)
    except LedgerError as error:
        return f"{kind}:{error.code}"
    return f"{kind}:ok"


def test_concurrent_money_actions_keep_the_ledger_exact(team_a):
    assert connection.vendor == "postgresql"
    rng = random.Random(SEED)
    funds = [
        make_fund(team_a, name=f"Potje {i}", budget_cents=rng.randint(5_000, 30_000))
        for i in range(FUNDS)
    ]
    budgets = {f.pk: -ledger.balances(f.pk).budget for f in funds}
    actions = plan(rng, list(budgets))
    outcomes: Counter = Counter()
    unexpected: list[BaseException] = []
    lock = threading.Lock()

    def worker(share):
        local = Counter()
        try:
            for action in share:
                local[run(action)] += 1
        except BaseException as error:  # noqa: BLE001 - reported below
            unexpected.append(error)
        finally:
            connections.close_all()
        with lock:
            outcomes.update(local)

    threads = [threading.Thread(target=worker, args=(actions[i::WORKERS],)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    context = f"seed={SEED} outcomes={dict(outcomes)}"
    print(context)
    assert not unexpected, f"{context}: {unexpected[:3]}"
    assert sum(outcomes.values()) == ACTIONS, context
    assert outcomes["reserve:ok"] and outcomes["pay:ok"] and outcomes["release:ok"], context
    assert outcomes["reserve:insufficient"], f"budgets never ran out: {context}"

    # No account below zero (the budget account is the source and goes negative).
    assert not LedgerAccount.objects.exclude(kind="budget").filter(balance_cents__lt=0).exists()
    # Every transaction balances, with exactly two entries.
    per_txn = LedgerTransaction.objects.annotate(
        total=Sum("entries__amount_cents"), n=Count("entries")
    )
    assert not per_txn.exclude(total=0).exists(), context
    assert not per_txn.exclude(n=2).exists(), context
    # No idempotency key produced two transactions, and no duplicate made a second reservation.
    keys = LedgerTransaction.objects.values("idempotency_key").annotate(n=Count("id"))
    assert not keys.filter(n__gt=1).exists()
    assert (
        Reservation.objects.count() == LedgerTransaction.objects.filter(kind="reservering").count()
    )
    # Balances equal a replay of the ledger, and the reservations explain them.
    for fund_id, budget in budgets.items():
        balances = ledger.balances(fund_id)
        assert balances == ledger.replayed_balances(fund_id), context
        assert balances.available + balances.reserved + balances.paid == budget
        reservations = Reservation.objects.filter(fund_id=fund_id)
        assert balances.reserved == sum(r.open_cents for r in reservations)
        assert balances.paid == sum(r.paid_cents for r in reservations)
    assert not LedgerEntry.objects.filter(amount_cents=0).exists()
