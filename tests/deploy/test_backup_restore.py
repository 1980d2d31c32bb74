"""Backup and restore as docs/operations.md describes it (issue 19, item 8): pg_dump in the
custom format of a database with the demo city, pg_restore into an empty database, and the
restored one has the same ledger balances (stored and replayed from the entries), the same
cases by status and the same ledger transactions. PostgreSQL only; about ten seconds."""

import shutil
import subprocess

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from doorbraak.cases.models import Case
from doorbraak.funds.models import LedgerAccount, LedgerEntry, LedgerTransaction

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _conninfo(name: str) -> str:
    s = connection.settings_dict
    parts = {
        "dbname": name,
        "host": s.get("HOST") or "",
        "port": str(s.get("PORT") or ""),
        "user": s.get("USER") or "",
        "password": s.get("PASSWORD") or "",
    }
    return " ".join(f"{k}={v}" for k, v in parts.items() if v)


def _figures(cursor) -> dict:
    account = LedgerAccount._meta.db_table
    entry = LedgerEntry._meta.db_table
    txn = LedgerTransaction._meta.db_table
    case = Case._meta.db_table
    queries = {
        "balances": f"SELECT fund_id, kind, balance_cents FROM {account} ORDER BY fund_id, kind",
        "replayed": f"SELECT a.fund_id, a.kind, COALESCE(SUM(e.amount_cents), 0) FROM {account} a "
        f"LEFT JOIN {entry} e ON e.account_id = a.id GROUP BY a.fund_id, a.kind "
        "ORDER BY a.fund_id, a.kind",
        "transactions": f"SELECT kind, COUNT(*) FROM {txn} GROUP BY kind ORDER BY kind",
        "cases": f"SELECT status, COUNT(*) FROM {case} GROUP BY status ORDER BY status",
    }
    figures = {}
    for name, sql in queries.items():
        cursor.execute(sql)
        figures[name] = [tuple(row) for row in cursor.fetchall()]
    return figures


@pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump not installed")
def test_a_restored_backup_has_the_same_ledger_and_cases(tmp_path):
    # An earlier transactional test may have flushed the rows the data migrations ship.
    from doorbraak.costbenefit.services import load_defaults
    from doorbraak.escalation import starter
    from doorbraak.escalation.models import EscalationLevel, EscalationRoute, RouteVersion
    from doorbraak.proposals.services import load_starter_catalogues

    load_defaults()
    load_starter_catalogues()
    if not EscalationRoute.objects.exists():
        starter.load(EscalationRoute, EscalationLevel, RouteVersion)
    call_command("load_demo", force=True, verbosity=0)
    source = connection.settings_dict["NAME"]
    target = f"{source}_restore"
    with connection.cursor() as cursor:
        before = _figures(cursor)
    assert before["cases"] and sum(n for _, n in before["cases"]) > 0
    assert any(cents for _, _, cents in before["balances"]), "the demo moves money"
    assert before["balances"] == before["replayed"]

    dump = tmp_path / "doorbraak.dump"
    # The commands of docs/operations.md, "Backup and restore".
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-acl",
            "--file",
            str(dump),
            "--dbname",
            _conninfo(source),
        ],
        check=True,
    )
    with psycopg.connect(_conninfo("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
        admin.execute(f'CREATE DATABASE "{target}"')
    try:
        subprocess.run(  # noqa: S603 - fixed arguments
            [
                "pg_restore",
                "--no-owner",
                "--no-acl",
                "--exit-on-error",
                "--dbname",
                _conninfo(target),
                str(dump),
            ],
            check=True,
        )
        with psycopg.connect(_conninfo(target)) as restored, restored.cursor() as cursor:
            after = _figures(cursor)
    finally:
        with psycopg.connect(_conninfo("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
    assert after == before
