"""Ledger benchmark: Doorbraak's money transactions against pgbench on the same server.

(a) `clients` threads spread over four load processes, each thread with its own Django
database connection, loop reserve → pay part → release the rest on ten funds for `seconds`
seconds; every committed ledger transaction counts. Afterwards every fund's balances must be
non-negative and equal the balances replayed from the entries. (b) pgbench's built-in
TPC-B-like script with the same number of clients and duration, in its own database.

Both databases are dropped and recreated on every `run`.
"""

from __future__ import annotations

import glob
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
LEDGER_DB = "doorbraak_bench_ledger"
PGBENCH_DB = "doorbraak_bench_pgbench"
FUNDS = 10
BUDGET_EUR = 10_000_000  # generous: a run never runs a fund dry

PRELUDE = """
import django, os, sys, json
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings")
django.setup()
from django.conf import settings
settings.DEBUG = False  # no query log: it would cost time and memory
"""

SETUP_SCRIPT = (
    PRELUDE
    + """
import datetime
from doorbraak.accounts.models import Organisation, OrganisationKind, Team
from doorbraak.approvals.models import ApprovalPolicy
from doorbraak.approvals.services import policy_save
from doorbraak.funds.models import Fund
from doorbraak.funds.services import fund_open

organisation = Organisation.objects.create(
    name="Benchmarkorganisatie", kind=OrganisationKind.NEIGHBOURHOOD_TEAM_ORG
)
team = Team.objects.create(name="Benchmarkteam", organisation=organisation)
ids = []
for n in range(int(sys.argv[1])):
    policy = ApprovalPolicy(name=f"Benchmarkbeleid {n}")
    policy_save(policy)
    fund = fund_open(
        Fund(
            name=f"Benchmarkfonds {n}",
            owner_team=team,
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 12, 31),
            total_budget=int(sys.argv[2]),
            approval_policy=policy,
        )
    )
    ids.append(fund.pk)
print(json.dumps(ids))
"""
)

LOAD_SCRIPT = (
    PRELUDE
    + """
import random, threading, time
from django.db import connection
from doorbraak.funds import ledger

fund_ids = json.loads(sys.argv[1])
clients, seconds, tag = int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
start_at = float(sys.argv[5])  # wall clock: every load process starts at the same moment
counts = [0] * clients
errors = [0] * clients
barrier = threading.Barrier(clients + 1)
deadline = 0.0

def client(n):
    rng = random.Random(n)
    connection.ensure_connection()
    barrier.wait()
    i = 0
    while time.perf_counter() < deadline:
        i += 1
        fund_id = rng.choice(fund_ids)
        ref = f"{tag}-{n}-{i}"
        cents = rng.randint(1_000, 100_000)
        try:
            ledger.reserve(fund_id=fund_id, ref=ref, cents=cents)
            counts[n] += 1
            ledger.pay(fund_id=fund_id, ref=ref, cents=cents // 2, key=f"pay:{ref}")
            counts[n] += 1
            if ledger.release(fund_id=fund_id, ref=ref) is not None:
                counts[n] += 1
        except Exception as exc:
            errors[n] += 1
            if errors[n] == 1:
                print(f"client {n}: {type(exc).__name__}: {exc}", file=sys.stderr)
    connection.close()

threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for thread in threads:
    thread.start()
deadline = time.perf_counter() + 3600  # placeholder until all clients are connected
barrier.wait(timeout=120)
time.sleep(max(0.0, start_at - time.time()))
start = time.perf_counter()
deadline = start + seconds
for thread in threads:
    thread.join()
elapsed = time.perf_counter() - start
print(json.dumps({"transactions": sum(counts), "errors": sum(errors), "elapsed": elapsed}))
"""
)

CHECK_SCRIPT = (
    PRELUDE
    + """
from doorbraak.funds import ledger
bad = 0
for fund_id in json.loads(sys.argv[1]):
    current = ledger.balances(fund_id)
    negative = min(current.available, current.reserved, current.paid) < 0
    if negative or current != ledger.replayed_balances(fund_id):
        bad += 1
print(bad)
"""
)


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _recreate(url: str, name: str) -> None:
    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _python(script: str, *args: str, env: dict[str, str]) -> str:
    completed = subprocess.run(  # noqa: S603 - our own fixed scripts
        [sys.executable, "-c", script, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"benchmark script failed: {completed.stderr[-2000:]}")
    if completed.stderr.strip():
        print(completed.stderr.strip()[-2000:], file=sys.stderr)
    return completed.stdout


def _load(fund_ids: str, clients: int, processes: int, seconds: int, tag: str, env) -> dict:
    """`clients` connections spread over `processes` load processes (one Python process
    would measure its own GIL, not the ledger), all starting at the same moment."""
    start_at = time.time() + 15  # time for every process to start Django and connect
    running = [
        subprocess.Popen(  # noqa: S603 - our own fixed script
            [
                sys.executable,
                "-c",
                LOAD_SCRIPT,
                fund_ids,
                str(clients // processes + (n < clients % processes)),
                str(seconds),
                f"{tag}-{n}",
                str(start_at),
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    results = []
    for process in running:
        out, err = process.communicate()
        if process.returncode != 0:
            raise RuntimeError(f"ledger load failed: {err[-2000:]}")
        if err.strip():
            print(err.strip()[-2000:], file=sys.stderr)
        results.append(json.loads(out.strip().splitlines()[-1]))
    return {
        "transactions": sum(r["transactions"] for r in results),
        "errors": sum(r["errors"] for r in results),
        "elapsed": max(r["elapsed"] for r in results),
    }


def _pgbench_binary() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pgbench"))
    if not found:
        raise RuntimeError("pgbench not found under /usr/lib/postgresql/*/bin")
    return found[-1]


def _pgbench(url: str, *args: str) -> str:
    parts = urlsplit(_with_database(url, PGBENCH_DB))
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = unquote(parts.password)
    command = [
        _pgbench_binary(),
        "-h",
        parts.hostname or "localhost",
        "-p",
        str(parts.port or 5432),
        "-U",
        unquote(parts.username or "postgres"),
        *args,
        PGBENCH_DB,
    ]
    completed = subprocess.run(  # noqa: S603 - fixed arguments
        command, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(f"pgbench failed: {completed.stderr[-2000:]}")
    return completed.stdout


def _pgbench_tps(output: str) -> float:
    for line in output.splitlines():
        if line.startswith("tps = ") and "without initial connection time" in line:
            return float(line.split()[2])
    raise RuntimeError(f"no tps line in pgbench output: {output[-1000:]}")


def _figure(values: list[float], unit: str, median: float | None = None) -> dict:
    return {
        "median": statistics.median(values) if median is None else median,
        "min": min(values),
        "max": max(values),
        "unit": unit,
    }


def run(
    database_url: str, repeats: int = 3, clients: int = 32, seconds: int = 15, processes: int = 4
) -> dict:
    ledger_url = _with_database(database_url, LEDGER_DB)
    env = dict(os.environ, DJANGO_DEBUG="1", DATABASE_URL=ledger_url)
    _recreate(database_url, LEDGER_DB)
    _python("from doorbraak.manage import main; main()", "migrate", "--no-input", env=env)
    fund_ids = _python(SETUP_SCRIPT, str(FUNDS), str(BUDGET_EUR), env=env).strip()

    _recreate(database_url, PGBENCH_DB)
    _pgbench(database_url, "-i", "-s", "10", "-q")

    ledger_tps: list[float] = []
    pgbench_tps: list[float] = []
    overspent: list[int] = []
    for repeat in range(repeats):
        load = _load(fund_ids, clients, processes, seconds, f"bench{repeat}", env)
        if load["transactions"] == 0:
            raise RuntimeError(f"no ledger transaction committed ({load['errors']} errors)")
        ledger_tps.append(load["transactions"] / load["elapsed"])
        overspent.append(int(_python(CHECK_SCRIPT, fund_ids, env=env).strip()))
        output = _pgbench(database_url, "-c", str(clients), "-j", "2", "-T", str(seconds), "-n")
        pgbench_tps.append(_pgbench_tps(output))

    ratios = [mine / theirs for mine, theirs in zip(ledger_tps, pgbench_tps, strict=True)]
    return {
        "ledger.tps": _figure(ledger_tps, "tps"),
        "pgbench.tps": _figure(pgbench_tps, "tps"),
        "ledger.ratio_vs_pgbench": _figure(
            ratios,
            "×",
            median=statistics.median(ledger_tps) / statistics.median(pgbench_tps),
        ),
        "ledger.overspent_funds": _figure(overspent, "funds"),
    }


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1]), indent=2))
