"""The tables written with COPY, their column lists, and the COPY, id and sequence helpers."""

import time
from dataclasses import dataclass, field


class Table:
    """A model's table and the columns written, checked against `_meta`: every required
    column must be written, so a new NOT NULL field fails loudly instead of silently."""

    def __init__(self, model, attnames):
        meta = model._meta
        by_attname = {f.attname: f for f in meta.concrete_fields}
        unknown = set(attnames) - set(by_attname)
        if unknown:
            raise RuntimeError(f"{meta.db_table}: unknown fields {sorted(unknown)}")
        missing = [
            f.attname
            for f in meta.concrete_fields
            if f.attname not in attnames and not f.null and not f.has_default()
        ]
        if missing:
            raise RuntimeError(f"{meta.db_table}: fields not written: {missing}")
        self.model = model
        self.name = meta.db_table
        self.columns = [by_attname[a].column for a in attnames]

    @property
    def copy_sql(self) -> str:
        columns = ", ".join('"' + c + '"' for c in self.columns)
        return f'COPY "{self.name}" ({columns}) FROM STDIN'


def model_tables():
    from doorbraak.accounts.models import Neighbourhood, Organisation, Team, User
    from doorbraak.approvals.models import Notification, Vote
    from doorbraak.cases.models import Blocker, Case, Household, Member, TimelineEntry
    from doorbraak.funds.models import (
        LedgerEntry,
        LedgerTransaction,
        PaymentOrder,
        Reservation,
    )
    from doorbraak.proposals.models import Request, ValueTriangle

    ts = "created_at"
    return {
        "organisation": Table(Organisation, ["id", "name", "kind"]),
        "neighbourhood": Table(Neighbourhood, ["id", "name", "municipality_id"]),
        "team": Table(Team, ["id", "name", "organisation_id", "neighbourhood_id"]),
        "user": Table(
            User,
            [
                "id",
                "password",
                "last_login",
                "is_superuser",
                "username",
                "first_name",
                "last_name",
                "email",
                "is_staff",
                "is_active",
                "date_joined",
                "role",
                "organisation_id",
                "team_id",
            ],
        ),  # fmt: skip
        "household": Table(
            Household, ["id", "name", "neighbourhood_id", "address", "postcode", "city", ts]
        ),
        "member": Table(
            Member,
            [
                "id",
                "household_id",
                "subject_id",
                "given_name",
                "family_name",
                "household_role",
                "birth_year",
                "bsn_encrypted",
                "bsn_index",
                "bsn_key_version",
                ts,
            ],
        ),  # fmt: skip
        "case": Table(
            Case,
            [
                "id",
                "household_id",
                "key_worker_id",
                "team_id",
                "status",
                "question",
                "life_domains",
                "opened_at",
                "closed_at",
            ],
        ),  # fmt: skip
        "blocker": Table(
            Blocker,
            [
                "id",
                "case_id",
                "organisation_id",
                "rule",
                "effect",
                "life_domain",
                "status",
                "created_by_id",
                ts,
                "resolution",
                "resolved_at",
            ],
        ),  # fmt: skip
        "timeline": Table(
            TimelineEntry, ["id", "case_id", "kind", "text", "actor_id", "blocker_id", ts]
        ),
        "request": Table(
            Request,
            [
                "id",
                "case_id",
                "solution",
                "category_id",
                "amount",
                "frequency",
                "months",
                "supplier_name",
                "supplier_iban",
                "prior_provisions",
                "prior_provisions_note",
                "recurrence_prevention",
                "fund_id",
                "status",
                "anonymised",
                "decided_at",
                "alternative",
                "outcome_note",
                "created_by_id",
                "submitted_at",
            ],
        ),  # fmt: skip
        "request_blockers": Table(Request.blockers.through, ["id", "request_id", "blocker_id"]),
        "triangle": Table(
            ValueTriangle,
            [
                "id",
                "request_id",
                "legal_ground_id",
                "legitimacy",
                "legitimacy_na",
                "involvement",
                "involvement_na",
                "societal_return",
                "societal_return_na",
            ],
        ),  # fmt: skip
        "vote": Table(Vote, ["id", "request_id", "approver_id", "choice", "comment", ts]),
        "notification": Table(Notification, ["id", "user_id", "request_id", "kind", ts, "read_at"]),
        "reservation": Table(
            Reservation,
            [
                "id",
                "fund_id",
                "ref",
                "request_id",
                "amount_cents",
                "paid_cents",
                "released_cents",
                ts,
            ],
        ),  # fmt: skip
        "transaction": Table(
            LedgerTransaction,
            ["id", "fund_id", "kind", "idempotency_key", "request_id", "memo", "actor_id", ts],
        ),
        "entry": Table(LedgerEntry, ["id", "transaction_id", "account_id", "amount_cents"]),
        "order": Table(
            PaymentOrder,
            [
                "id",
                "request_id",
                "fund_id",
                "sequence",
                "amount",
                "creditor_name",
                "creditor_iban",
                "remittance",
                "due_date",
                "status",
                "batch_id",
                "paid_at",
            ],
        ),  # fmt: skip
    }


@dataclass
class Stats:
    counts: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)

    def add(self, table: str, rows: int, seconds: float) -> None:
        self.counts[table] = self.counts.get(table, 0) + rows
        self.seconds[table] = self.seconds.get(table, 0.0) + seconds


def copy_rows(cursor, table: Table, rows: list, stats: Stats) -> None:
    if not rows:
        stats.add(table.name, 0, 0.0)
        return
    start = time.perf_counter()
    with cursor.copy(table.copy_sql) as copy:
        for row in rows:
            copy.write_row(row)
    stats.add(table.name, len(rows), time.perf_counter() - start)


def without_reference_triggers(cursor) -> bool:
    """Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: every COPY row queues a check
    that PostgreSQL runs at COMMIT, one index probe per row and reference (at national scale
    some 100 million, measured at more than half an hour in one COMMIT). For the rest of the
    transaction the triggers are off instead (superuser only; otherwise nothing changes) and
    `check_references` proves every reference with one anti-join per constraint."""
    cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if not cursor.fetchone()[0]:
        return False
    cursor.execute("SET LOCAL session_replication_role = replica")
    return True


def check_references(cursor, stats: Stats) -> None:
    """Every single-column foreign key of the schema resolves; raises (and so rolls the whole
    generation back) on the first one that does not. Turns the triggers back on."""
    start = time.perf_counter()
    cursor.execute("SET LOCAL session_replication_role = origin")
    cursor.execute(
        """SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, f.attname
             FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
             JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
              AND c.connamespace = current_schema()::regnamespace
            ORDER BY 1, 2"""
    )
    for table, column, target, key in cursor.fetchall():
        cursor.execute(
            f'SELECT count(*) FROM {table} x WHERE x."{column}" IS NOT NULL AND NOT EXISTS '
            f'(SELECT 1 FROM {target} t WHERE t."{key}" = x."{column}")'
        )
        orphans = cursor.fetchone()[0]
        if orphans:
            raise RuntimeError(f"{orphans} rows of {table}.{column} point at no {target}")
    stats.add("(reference check)", 0, time.perf_counter() - start)


def euro(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def truncate(cursor) -> None:
    from doorbraak.accounts.models import Organisation, User
    from doorbraak.approvals.models import ApprovalGroup, ApprovalPolicy
    from doorbraak.cases.models import Household

    names = [m._meta.db_table for m in (Organisation, User, ApprovalPolicy, ApprovalGroup)]
    names.append(Household._meta.db_table)
    cursor.execute("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " RESTART IDENTITY CASCADE")


def fix_sequences(cursor, tables) -> None:
    for name in tables:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
            f'COALESCE((SELECT max(id) FROM "{name}"), 1), '
            f'(SELECT max(id) IS NOT NULL FROM "{name}"))'
        )


class Ids:
    """The last id handed out per table, so rows can point at each other before the COPY."""

    def __init__(self, **last: int):
        self.last = last

    def next(self, key: str) -> int:
        self.last[key] += 1
        return self.last[key]
