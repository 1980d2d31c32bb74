"""`generate()`: one transaction that writes every part of the dataset in order."""

import random
import sys
import time

from .funds import Funds, open_funds, settle_budgets
from .households import add_household
from .people import Staff, add_people
from .proposals import Catalogue, add_requests, load_catalogue
from .tables import (
    Ids,
    Stats,
    Table,
    check_references,
    copy_rows,
    fix_sequences,
    model_tables,
    truncate,
    without_reference_triggers,
)
from .vocab import CHUNK_HOUSEHOLDS, SCALES, Scale

# the tables a chunk of households fills, in COPY order
CHUNK_TABLES = [
    "household",
    "member",
    "case",
    "blocker",
    "timeline",
    "request",
    "request_blockers",
    "triangle",
    "vote",
    "notification",
    "reservation",
    "transaction",
    "entry",
    "order",
]


def generate(*, scale: str = "tiny", seed: int = 1, connection=None, out=None) -> Stats:
    """Fill the database behind `connection` (a Django connection; default: the default
    one). Migrations must have run. Returns the row counts and timings per table."""
    from django.db import connection as default_connection
    from django.db import transaction

    connection = connection or default_connection
    out = out or sys.stdout
    sc = SCALES[scale]
    rng = random.Random(seed)
    t = model_tables()
    stats = Stats()
    started = time.perf_counter()

    with transaction.atomic(using=connection.alias):
        connection.ensure_connection()
        cursor = connection.connection.cursor()
        truncate(cursor)
        staff = add_people(cursor, t, sc, rng, stats)
        funds = open_funds(cursor, connection, sc, stats)
        catalogue = load_catalogue(cursor)
        unchecked = without_reference_triggers(cursor)
        _add_households(cursor, t, sc, rng, staff, funds, catalogue, stats, out)
        extra_tables = settle_budgets(cursor, t, funds, stats)
        if unchecked:
            check_references(cursor, stats)
        fix_sequences(
            cursor, [tb.name for tb in t.values()] + extra_tables + ["approvals_approvalpolicy"]
        )
        start = time.perf_counter()
        cursor.execute("ANALYZE")
        stats.add("ANALYZE", 0, time.perf_counter() - start)
    stats.seconds["TOTAL"] = time.perf_counter() - started
    return stats


def _add_households(
    cursor,
    t: dict[str, Table],
    sc: Scale,
    rng,
    staff: Staff,
    funds: Funds,
    catalogue: Catalogue,
    stats: Stats,
    out,
) -> None:
    """Households and everything hanging off them, generated and written in chunks."""
    per_case = [0] * sc.households
    for _ in range(sc.requests):
        per_case[rng.randrange(sc.households)] += 1

    n_funds = len(funds.ids)
    ids = Ids(member=0, blocker=0, timeline=0, request=0, rb=0, vote=0, notification=0,
              reservation=0, order=0, transaction=n_funds, entry=2 * n_funds)  # fmt: skip
    gen_seconds = 0.0
    for chunk_start in range(0, sc.households, CHUNK_HOUSEHOLDS):
        gen_start = time.perf_counter()
        rows = {name: [] for name in CHUNK_TABLES}
        for h in range(chunk_start + 1, min(chunk_start + CHUNK_HOUSEHOLDS, sc.households) + 1):
            case = add_household(rows, ids, rng, h, sc, staff)
            add_requests(rows, ids, rng, case, per_case[h - 1], staff, funds, catalogue)
        gen_seconds += time.perf_counter() - gen_start
        for name in CHUNK_TABLES:
            copy_rows(cursor, t[name], rows[name], stats)
        done = min(chunk_start + CHUNK_HOUSEHOLDS, sc.households)
        print(f"  households {done:>9,}", file=out, flush=True)
    stats.seconds["(python generation)"] = gen_seconds
