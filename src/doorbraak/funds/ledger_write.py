"""The write of one checked posting: the transaction row, its entries, the new balances and
the reservation it opens or settles. `funds.ledger` decides what to write (locks, rules,
idempotency); this module only writes it, in the caller's transaction.

On PostgreSQL the write is one statement: data-modifying `WITH` parts insert the transaction
(`ON CONFLICT (idempotency_key) DO NOTHING`), and, only when that inserted a row, the entries,
the balances and the reservation change. The ORM needs four to five round trips for the same
(docs/decisions/0008). Other databases take the ORM path. Both are tested on PostgreSQL
(tests/funds/test_ledger.py runs every ledger test on each path).
"""

import functools
from dataclasses import dataclass

from django.db import IntegrityError, connection

from ..raw_insert import insert_fields, insert_values
from .models import LedgerAccount, LedgerEntry, LedgerTransaction, Reservation

# Tests switch this off to run the ORM path on PostgreSQL as well.
ONE_STATEMENT_ON_POSTGRES = True


class KeyTaken(Exception):
    """The idempotency key was taken between the ORM path's lookup and its insert; the
    database transaction must be rolled back."""


@dataclass(frozen=True)
class ReservationChange:
    """What the posting does to a reservation: open it (`reservation` unsaved) or add
    `cents` to its paid or released amount."""

    reservation: Reservation
    column: str = ""  # "" opens the reservation; else "paid_cents" or "released_cents"
    cents: int = 0


def write(
    txn: LedgerTransaction,
    moves: list[tuple[LedgerAccount, int]],
    change: ReservationChange | None = None,
) -> bool:
    """Write `txn` (unsaved) with its entries and balance changes. False, and nothing
    written, when a transaction with the same idempotency key exists already; KeyTaken when
    the ORM path finds that out only at its insert."""
    if connection.vendor == "postgresql" and ONE_STATEMENT_ON_POSTGRES:
        written = _write_in_one_statement(txn, moves, change)
    else:
        written = _write_with_orm(txn, moves, change)
    if written:
        for account, cents in moves:
            account.balance_cents += cents
        if change is not None and change.column:
            setattr(
                change.reservation,
                change.column,
                getattr(change.reservation, change.column) + change.cents,
            )
    return written


def _key_taken(key: str) -> bool:
    return LedgerTransaction.objects.filter(idempotency_key=key).exists()


def _write_with_orm(txn, moves, change) -> bool:
    if _key_taken(txn.idempotency_key):
        return False
    try:
        # No savepoint of its own: every caller runs in an atomic block, whose transaction
        # (or savepoint) is rolled back when this raises.
        txn.save(force_insert=True)
    except IntegrityError:
        # The key taken by a concurrent transaction on another fund (locks do not
        # serialise across funds). The transaction is broken now: no lookup is possible.
        raise KeyTaken(txn.idempotency_key) from None
    LedgerEntry.objects.bulk_create(
        LedgerEntry(transaction=txn, account=account, amount_cents=cents)
        for account, cents in moves
    )
    changed = []
    for account, cents in moves:
        changed.append(LedgerAccount(pk=account.pk, balance_cents=account.balance_cents + cents))
    LedgerAccount.objects.bulk_update(changed, ["balance_cents"])  # one UPDATE for all
    if change is not None:
        reservation = change.reservation
        if not change.column:
            reservation.save(force_insert=True)
        else:
            Reservation.objects.filter(pk=reservation.pk).update(
                **{change.column: getattr(reservation, change.column) + change.cents}
            )
    return True


@functools.cache
def _one_statement_sql(reservation: str) -> str:
    """`reservation` is "", "open", "paid_cents" or "released_cents". Table and column names
    come from the models' metadata, never from input; every value is a query parameter."""
    quote = connection.ops.quote_name
    txn_table = quote(LedgerTransaction._meta.db_table)
    entry_table = quote(LedgerEntry._meta.db_table)
    account_table = quote(LedgerAccount._meta.db_table)
    reservation_table = quote(Reservation._meta.db_table)
    txn_columns = ", ".join(quote(f.column) for f in insert_fields(LedgerTransaction))
    entry = {f.name: quote(f.column) for f in insert_fields(LedgerEntry)}
    balance = quote(LedgerAccount._meta.get_field("balance_cents").column)
    key = quote(LedgerTransaction._meta.get_field("idempotency_key").column)
    parts = [
        f"txn AS (INSERT INTO {txn_table} ({txn_columns}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(insert_fields(LedgerTransaction)))}) "
        f"ON CONFLICT ({key}) DO NOTHING RETURNING id)",
        f"entries AS (INSERT INTO {entry_table} "  # noqa: S608
        f"({entry['transaction']}, {entry['account']}, {entry['amount_cents']}) "
        "SELECT txn.id, m.account, m.cents FROM txn, "
        "unnest(%s::bigint[], %s::bigint[]) AS m(account, cents))",
        f"balances AS (UPDATE {account_table} SET {balance} = {account_table}.{balance} "  # noqa: S608
        "+ m.cents FROM txn, unnest(%s::bigint[], %s::bigint[]) AS m(account, cents) "
        f"WHERE {account_table}.id = m.account)",
    ]
    select = "SELECT txn.id, NULL FROM txn"
    if reservation == "open":
        fields = insert_fields(Reservation)
        casts = ", ".join(f"%s::{f.db_type(connection)}" for f in fields)
        parts.append(
            f"reservation AS (INSERT INTO {reservation_table} "  # noqa: S608
            f"({', '.join(quote(f.column) for f in fields)}) SELECT {casts} FROM txn "
            "RETURNING id)"
        )
        select = "SELECT txn.id, reservation.id FROM txn, reservation"
    elif reservation:
        column = quote(Reservation._meta.get_field(reservation).column)
        parts.append(
            f"reservation AS (UPDATE {reservation_table} SET {column} = "  # noqa: S608
            f"{reservation_table}.{column} + %s FROM txn WHERE {reservation_table}.id = %s)"
        )
    return f"WITH {', '.join(parts)} {select}"  # noqa: S608


def _write_in_one_statement(txn, moves, change) -> bool:
    accounts = [account.pk for account, _ in moves]
    amounts = [cents for _, cents in moves]
    params = [*insert_values(txn), accounts, amounts, accounts, amounts]
    kind = ""
    if change is not None:
        kind = change.column or "open"
        if change.column:
            params += [change.cents, change.reservation.pk]
        else:
            params += insert_values(change.reservation)
    with connection.cursor() as cursor:
        cursor.execute(_one_statement_sql(kind), params)
        row = cursor.fetchone()
    if row is None:
        return False
    txn.pk = row[0]
    txn._state.adding = False
    txn._state.db = connection.alias
    if change is not None and not change.column:
        change.reservation.pk = row[1]
        change.reservation._state.adding = False
        change.reservation._state.db = connection.alias
    return True
