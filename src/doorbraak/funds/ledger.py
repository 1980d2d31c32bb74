"""Every money-moving write. Each function is one database transaction that

1. locks the fund's four accounts (always in id order, so two transactions never deadlock),
2. checks balances and the reservation, then writes the transaction, its entries (summing
   to zero), the new balances and the reservation change (funds.ledger_write),
3. honours the idempotency key — after the lock, so a concurrent duplicate is seen: when the
   key was used before by this same action, the earlier transaction is returned unchanged
   (also when a check would now fail); for anything else the key is refused.

The database backs this up: no negative available/reserved/paid balance and no reservation
settled beyond its amount (check constraints), and a unique idempotency key.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Sum

from doorbraak.health.metrics import ledger_transaction_written

from . import ledger_write
from .ledger_write import ReservationChange
from .models import (
    AccountKind,
    Fund,
    LedgerAccount,
    LedgerEntry,
    LedgerTransaction,
    Reservation,
    TransactionKind,
)

BUDGET, AVAILABLE, RESERVED, PAID = (
    AccountKind.BUDGET,
    AccountKind.AVAILABLE,
    AccountKind.RESERVED,
    AccountKind.PAID,
)


class LedgerError(Exception):
    """A money action that cannot be done; `code` says why (words for people: funds/messages.py)."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Balances:
    budget: int
    available: int
    reserved: int
    paid: int


def open_accounts(fund: Fund) -> None:
    """Create the fund's four accounts (idempotent)."""
    for kind in AccountKind.values:
        LedgerAccount.objects.get_or_create(fund=fund, kind=kind)


def _lock(fund_id: int) -> dict[str, LedgerAccount]:
    accounts = list(
        LedgerAccount.objects.select_for_update().filter(fund_id=fund_id).order_by("id")
    )
    if len(accounts) != len(AccountKind.values):
        raise LedgerError("no_accounts", fund=fund_id)
    return {account.kind: account for account in accounts}


def _existing(key: str, fund_id: int, kind: str) -> LedgerTransaction | None:
    done = LedgerTransaction.objects.filter(idempotency_key=key).first()
    if done is not None and (done.fund_id != fund_id or done.kind != kind):
        raise LedgerError("key_reused", key=key)
    return done


def _earlier(key: str, fund_id: int, kind: str, error: LedgerError) -> LedgerTransaction:
    """A check failed (or the key is taken): if this very action happened before, that is
    the answer (a retry changes nothing); otherwise the error stands."""
    done = _existing(key, fund_id, kind)
    if done is None:
        raise error
    return done


def _check(accounts, moves: list[tuple[str, int]]) -> None:
    if sum(cents for _, cents in moves) != 0 or any(cents == 0 for _, cents in moves):
        raise LedgerError("unbalanced")
    for account_kind, cents in moves:
        if account_kind != BUDGET and accounts[account_kind].balance_cents + cents < 0:
            raise LedgerError(
                "insufficient",
                account=account_kind,
                available=accounts[account_kind].balance_cents,
                needed=-cents,
            )


def _post(
    accounts,
    *,
    fund_id: int,
    kind: str,
    key: str,
    moves: list[tuple[str, int]],
    request_id=None,
    actor=None,
    memo: str = "",
    change: ReservationChange | None = None,
) -> LedgerTransaction:
    """Check the moves against the locked balances, then write (funds.ledger_write). The
    idempotency key is looked up only when a check fails or the write finds it taken: the
    common case costs no extra round trip."""
    try:
        _check(accounts, moves)
    except LedgerError as error:
        return _earlier(key, fund_id, kind, error)
    txn = LedgerTransaction(
        fund_id=fund_id,
        kind=kind,
        idempotency_key=key,
        request_id=request_id,
        actor=actor,
        memo=memo[:300],
    )
    try:
        if ledger_write.write(txn, [(accounts[k], cents) for k, cents in moves], change):
            # Operations metric (issue 19): count the transaction once it is committed, so a
            # rolled-back one is not counted. Explicit here, where the ledger writes; no signal.
            transaction.on_commit(lambda: ledger_transaction_written(kind))
            return txn
    except ledger_write.KeyTaken:
        raise LedgerError("key_reused", key=key) from None
    return _earlier(key, fund_id, kind, LedgerError("key_reused", key=key))


def _positive(cents: int) -> int:
    if not isinstance(cents, int) or isinstance(cents, bool) or cents <= 0:
        raise LedgerError("amount")
    return cents


@transaction.atomic
def allocate(*, fund_id: int, cents: int, key: str, actor=None, memo="") -> LedgerTransaction:
    """Put budget into the fund (its total budget, or a top-up)."""
    cents = _positive(cents)
    accounts = _lock(fund_id)
    return _post(
        accounts,
        fund_id=fund_id,
        kind=TransactionKind.ALLOCATE,
        key=key,
        actor=actor,
        memo=memo,
        moves=[(BUDGET, -cents), (AVAILABLE, cents)],
    )


@transaction.atomic
def reserve(
    *, fund_id: int, ref: str, cents: int, request_id=None, actor=None, memo=""
) -> LedgerTransaction:
    """Promise money to a request (on approval). The key is derived from `ref`, so the same
    approval twice reserves once."""
    cents = _positive(cents)
    accounts = _lock(fund_id)
    reservation = Reservation(fund_id=fund_id, ref=ref, request_id=request_id, amount_cents=cents)
    return _post(
        accounts,
        fund_id=fund_id,
        kind=TransactionKind.RESERVE,
        key=f"reserve:{ref}",
        request_id=request_id,
        actor=actor,
        memo=memo,
        moves=[(AVAILABLE, -cents), (RESERVED, cents)],
        change=ReservationChange(reservation),
    )


def _reservation(fund_id: int, ref: str) -> Reservation:
    reservation = Reservation.objects.select_for_update().filter(ref=ref).first()
    if reservation is None or reservation.fund_id != fund_id:
        raise LedgerError("no_reservation", ref=ref)
    return reservation


@transaction.atomic
def pay(*, fund_id: int, ref: str, cents: int, key: str, actor=None, memo="") -> LedgerTransaction:
    """Post a payment against a reservation (a one-off payment, or one month of a schedule)."""
    cents = _positive(cents)
    accounts = _lock(fund_id)
    try:
        reservation = _reservation(fund_id, ref)
        if cents > reservation.open_cents:
            raise LedgerError("beyond_reservation", ref=ref, open=reservation.open_cents)
    except LedgerError as error:
        return _earlier(key, fund_id, TransactionKind.PAY, error)
    return _post(
        accounts,
        fund_id=fund_id,
        kind=TransactionKind.PAY,
        key=key,
        request_id=reservation.request_id,
        actor=actor,
        memo=memo,
        moves=[(RESERVED, -cents), (PAID, cents)],
        change=ReservationChange(reservation, "paid_cents", cents),
    )


@transaction.atomic
def release(
    *, fund_id: int, ref: str, key: str | None = None, actor=None, memo=""
) -> LedgerTransaction | None:
    """Give back what is still reserved (rejection after all, withdrawal, a schedule ended
    early). Nothing left: nothing happens (or the earlier release is returned)."""
    accounts = _lock(fund_id)
    key = key or f"release:{ref}"
    try:
        reservation = _reservation(fund_id, ref)
    except LedgerError as error:
        return _earlier(key, fund_id, TransactionKind.RELEASE, error)
    cents = reservation.open_cents
    if cents == 0:
        return _existing(key, fund_id, TransactionKind.RELEASE)
    return _post(
        accounts,
        fund_id=fund_id,
        kind=TransactionKind.RELEASE,
        key=key,
        request_id=reservation.request_id,
        actor=actor,
        memo=memo,
        moves=[(RESERVED, -cents), (AVAILABLE, cents)],
        change=ReservationChange(reservation, "released_cents", cents),
    )


@transaction.atomic
def correct(
    *, fund_id: int, moves: dict[str, int], key: str, actor=None, memo: str
) -> LedgerTransaction:
    """A correction is a new balanced transaction, never an edit of an old one."""
    if not memo.strip():
        raise LedgerError("memo_required")
    accounts = _lock(fund_id)
    return _post(
        accounts,
        fund_id=fund_id,
        kind=TransactionKind.CORRECTION,
        key=key,
        actor=actor,
        memo=memo,
        moves=[(kind, cents) for kind, cents in moves.items() if cents],
    )


def balances(fund_id: int) -> Balances:
    return balances_of(LedgerAccount.objects.filter(fund_id=fund_id))


def balances_of(accounts) -> Balances:
    """Balances from account rows (a fund's prefetched `accounts`, for instance)."""
    values = {account.kind: account.balance_cents for account in accounts}
    return Balances(
        values.get(BUDGET, 0),
        values.get(AVAILABLE, 0),
        values.get(RESERVED, 0),
        values.get(PAID, 0),
    )


def replayed_balances(fund_id: int) -> Balances:
    """Balances recomputed from the entries alone: must equal `balances`."""
    sums = dict(
        LedgerEntry.objects.filter(account__fund_id=fund_id)
        .values_list("account__kind")
        .annotate(total=Sum("amount_cents"))
        .values_list("account__kind", "total")
    )
    return Balances(
        sums.get(BUDGET, 0), sums.get(AVAILABLE, 0), sums.get(RESERVED, 0), sums.get(PAID, 0)
    )
