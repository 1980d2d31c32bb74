"""The ledger: balanced, append-only, idempotent, and never overspent."""

import pytest
from django.db import IntegrityError, transaction

from doorbraak.funds import ledger, ledger_write
from doorbraak.funds.ledger import LedgerError
from doorbraak.funds.models import LedgerAccount, LedgerEntry, LedgerTransaction, Reservation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("both_write_paths")]


def test_allocation_makes_budget_available(fund):
    assert ledger.balances(fund.pk) == ledger.Balances(-200_000, 200_000, 0, 0)


def test_reserve_pay_release_move_money_and_stay_balanced(fund):
    ledger.reserve(fund_id=fund.pk, ref="V-1", cents=35_000)
    ledger.pay(fund_id=fund.pk, ref="V-1", cents=20_000, key="pay:V-1:1")
    ledger.release(fund_id=fund.pk, ref="V-1")
    assert ledger.balances(fund.pk) == ledger.Balances(-200_000, 180_000, 0, 20_000)
    assert ledger.balances(fund.pk) == ledger.replayed_balances(fund.pk)
    for txn in LedgerTransaction.objects.all():
        assert sum(e.amount_cents for e in txn.entries.all()) == 0
    reservation = Reservation.objects.get(ref="V-1")
    assert (reservation.paid_cents, reservation.released_cents, reservation.open_cents) == (
        20_000,
        15_000,
        0,
    )


def test_duplicate_submissions_do_nothing_twice(fund):
    first = ledger.reserve(fund_id=fund.pk, ref="V-2", cents=12_500)
    assert ledger.reserve(fund_id=fund.pk, ref="V-2", cents=12_500) == first
    ledger.pay(fund_id=fund.pk, ref="V-2", cents=12_500, key="pay:V-2")
    ledger.pay(fund_id=fund.pk, ref="V-2", cents=12_500, key="pay:V-2")
    ledger.release(fund_id=fund.pk, ref="V-2")
    assert LedgerTransaction.objects.filter(kind="reservering").count() == 1
    assert LedgerTransaction.objects.filter(kind="betaling").count() == 1
    assert ledger.balances(fund.pk).paid == 12_500


def test_never_more_than_available(fund):
    ledger.reserve(fund_id=fund.pk, ref="V-3", cents=150_000)
    with pytest.raises(LedgerError) as error:
        ledger.reserve(fund_id=fund.pk, ref="V-4", cents=50_001)
    assert error.value.code == "insufficient"
    ledger.reserve(fund_id=fund.pk, ref="V-4", cents=50_000)
    assert ledger.balances(fund.pk).available == 0
    assert not Reservation.objects.filter(ref="V-5").exists()


def test_never_pay_beyond_the_reservation_or_without_one(fund):
    ledger.reserve(fund_id=fund.pk, ref="V-6", cents=10_000)
    with pytest.raises(LedgerError) as error:
        ledger.pay(fund_id=fund.pk, ref="V-6", cents=10_001, key="pay:V-6")
    assert error.value.code == "beyond_reservation"
    with pytest.raises(LedgerError) as error:
        ledger.pay(fund_id=fund.pk, ref="V-404", cents=1, key="pay:V-404")
    assert error.value.code == "no_reservation"


def test_a_key_cannot_be_reused_for_something_else(fund, team_a):
    from tests.funds.conftest import make_fund

    other = make_fund(team_a, name="Voorkom Erger Potje")
    ledger.reserve(fund_id=fund.pk, ref="V-7", cents=100)
    with pytest.raises(LedgerError) as error:
        ledger.reserve(fund_id=other.pk, ref="V-7", cents=100)
    assert error.value.code == "key_reused"
    with pytest.raises(LedgerError):
        ledger.pay(fund_id=fund.pk, ref="V-7", cents=100, key="reserve:V-7")


def test_a_key_taken_concurrently_on_another_fund_leaves_the_caller_usable(
    fund, team_a, monkeypatch
):
    """The race a lookup before the insert cannot see (another fund's transaction committed
    between lookup and insert) ends in the unique key: a LedgerError, nothing of this action
    written, and the caller's own transaction still usable. (The one-statement path has no
    such window: its insert is ON CONFLICT DO NOTHING.)"""
    from tests.funds.conftest import make_fund

    other = make_fund(team_a, name="Voorkom Erger Potje")
    ledger.reserve(fund_id=fund.pk, ref="V-9", cents=100)
    monkeypatch.setattr(ledger_write, "_key_taken", lambda key: False)
    with transaction.atomic():
        with pytest.raises(LedgerError) as error:
            ledger.reserve(fund_id=other.pk, ref="V-9", cents=100)
        assert error.value.code == "key_reused"
        ledger.reserve(fund_id=other.pk, ref="V-10", cents=100)  # still usable
    assert ledger.balances(other.pk).reserved == 100
    assert ledger.balances(other.pk) == ledger.replayed_balances(other.pk)
    assert not Reservation.objects.filter(ref="V-9", fund=other).exists()


@pytest.mark.parametrize("cents", [0, -5, 1.5, True])
def test_amounts_are_positive_whole_cents(fund, cents):
    with pytest.raises(LedgerError) as error:
        ledger.reserve(fund_id=fund.pk, ref="V-8", cents=cents)
    assert error.value.code == "amount"


def test_corrections_are_new_balanced_entries(fund):
    ledger.reserve(fund_id=fund.pk, ref="V-9", cents=5_000)
    ledger.pay(fund_id=fund.pk, ref="V-9", cents=5_000, key="pay:V-9")
    entries_before = list(LedgerEntry.objects.values_list("id", "amount_cents"))
    ledger.correct(
        fund_id=fund.pk,
        key="correct:refund:V-9",
        memo="Leverancier stortte terug",
        moves={"betaald": -5_000, "vrij": 5_000},
    )
    assert (
        list(
            LedgerEntry.objects.filter(id__in=[i for i, _ in entries_before]).values_list(
                "id", "amount_cents"
            )
        )
        == entries_before
    )
    assert ledger.balances(fund.pk) == ledger.Balances(-200_000, 200_000, 0, 0)
    with pytest.raises(LedgerError):
        ledger.correct(fund_id=fund.pk, key="c2", memo="x", moves={"vrij": -1})
    with pytest.raises(LedgerError):
        ledger.correct(fund_id=fund.pk, key="c3", memo=" ", moves={"vrij": -1, "betaald": 1})


def test_the_database_refuses_a_negative_balance_even_if_code_would_try(fund):
    account = LedgerAccount.objects.get(fund=fund, kind="vrij")
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerAccount.objects.filter(pk=account.pk).update(balance_cents=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.create(fund=fund, ref="X", amount_cents=100, paid_cents=101)
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerTransaction.objects.create(
            fund=fund, kind="correctie", idempotency_key=f"allocate:{fund.pk}"
        )


def test_a_write_is_all_or_nothing(fund):
    """Should a check ever be skipped, the database refuses the balance, and the whole
    write (transaction, entries, reservation) is undone with it."""
    accounts = {a.kind: a for a in LedgerAccount.objects.filter(fund=fund)}
    txn = LedgerTransaction(fund_id=fund.pk, kind="reservering", idempotency_key="reserve:X")
    reservation = Reservation(fund_id=fund.pk, ref="X", amount_cents=300_000)
    moves = [(accounts["vrij"], -300_000), (accounts["gereserveerd"], 300_000)]
    with pytest.raises(IntegrityError), transaction.atomic():
        ledger_write.write(txn, moves, ledger_write.ReservationChange(reservation))
    assert not LedgerTransaction.objects.filter(idempotency_key="reserve:X").exists()
    assert not Reservation.objects.filter(ref="X").exists()
    assert ledger.balances(fund.pk) == ledger.replayed_balances(fund.pk)
    assert ledger.balances(fund.pk).available == 200_000


def test_the_returned_transaction_and_reservation_are_the_stored_rows(fund):
    txn = ledger.reserve(fund_id=fund.pk, ref="V-20", cents=1_500)
    stored = LedgerTransaction.objects.get(idempotency_key="reserve:V-20")
    assert (txn.pk, txn.kind, txn.fund_id, txn._state.adding) == (
        stored.pk,
        "reservering",
        fund.pk,
        False,
    )
    assert ledger.reserve(fund_id=fund.pk, ref="V-20", cents=1_500).pk == stored.pk
    paid = ledger.pay(fund_id=fund.pk, ref="V-20", cents=500, key="pay:V-20")
    assert LedgerTransaction.objects.get(pk=paid.pk).idempotency_key == "pay:V-20"
    released = ledger.release(fund_id=fund.pk, ref="V-20")
    assert set(released.entries.values_list("amount_cents", flat=True)) == {-1_000, 1_000}
    assert ledger.release(fund_id=fund.pk, ref="V-20").pk == released.pk
    reservation = Reservation.objects.get(ref="V-20")
    assert (reservation.paid_cents, reservation.released_cents) == (500, 1_000)
