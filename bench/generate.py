"""Fill a PostgreSQL database with a consistent synthetic Doorbraak dataset, fast.

    python -m bench.generate --scale tiny|city|national --seed 1 [--database-url URL]

Everything is deterministic for a seed: one `random.Random(seed)` and timestamps derived from
a fixed base date. The few policy and fund rows go through the services (so they look like the
real thing); everything else is written with COPY, with ids assigned here. Ledger balances are
recomputed from the entries at the end, so `balances == replayed_balances` for every fund.

`generate(scale=..., seed=..., connection=...)` fills the database behind a Django connection
(the current test database, for instance) without running migrations.
"""

import argparse
import datetime
import json
import math
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

BASE = datetime.datetime(2025, 1, 1, 8, 0, tzinfo=datetime.UTC)
YEAR_SECONDS = 365 * 24 * 3600
CHUNK_HOUSEHOLDS = 5_000


@dataclass(frozen=True)
class Scale:
    households: int
    requests: int
    wijken: int
    teams: int
    per_team: int


SCALES = {
    "tiny": Scale(households=500, requests=2_000, wijken=2, teams=4, per_team=20),
    "city": Scale(households=50_000, requests=200_000, wijken=20, teams=80, per_team=22),
    "national": Scale(
        households=1_000_000, requests=3_000_000, wijken=400, teams=1_600, per_team=22
    ),
}

FUNDS_PER_TEAM = 2
GIVEN_NAMES = [
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Eva",
    "Fatima",
    "Gijs",
    "Hanna",
    "Ilias",
    "Jesse",
    "Kim",
    "Lotte",
    "Mohammed",
    "Noor",
    "Olaf",
    "Priya",
    "Quinten",
    "Rosa",
    "Sem",
    "Tess",
    "Umar",
    "Vera",
    "Wessel",
    "Yara",
    "Zeynep",
]
FAMILY_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Yilmaz",
    "El Amrani",
    "Kaya",
    "Dekker",
    "Brouwer",
    "van Leeuwen",
]
BLOCKER_ORGS = (
    ("Woningcorporatie Bench", "woningcorporatie"),
    ("Zorgverzekeraar Bench", "zorgverzekeraar"),
    ("UWV", "uwv"),
    ("SVB", "svb"),
    ("DUO", "duo"),
    ("CJIB", "cjib"),
    ("Belastingdienst/Toeslagen", "belastingdienst-toeslagen"),
    ("Schuldhulp Bench", "schuldhulpverlening"),
)
LIFE_DOMAINS = [
    "wonen",
    "financien",
    "inkomen-werk",
    "gezondheid",
    "opvoeding-jeugd",
    "onderwijs",
    "veiligheid",
    "sociaal-netwerk",
]
RULES = (
    "Terugvordering toeslag in één keer",
    "Geen betalingsregeling zonder vast inkomen",
    "Wachttijd van zes weken voor een uitkering",
    "Huurachterstand leidt tot ontruimingsprocedure",
    "Eigen risico moet vooraf betaald",
    "Boete verhoogd na gemiste termijn",
)
SOLUTIONS = (
    "Achterstand bij de leverancier in één keer betalen",
    "Wasmachine vervangen",
    "Schoolspullen en laptop voor de kinderen",
    "Eigen bijdrage tandarts betalen",
    "Eerste maand huur van de nieuwe woning",
    "Boete afkopen zodat de verhoging vervalt",
)
IBANS = ("NL91ABNA0417164300", "NL20INGB0001234567", "NL02RABO0123456789", "NL44RABO0123456789")
SUPPLIERS = ("Energie Bench BV", "Witgoed Bench", "Tandartspraktijk Bench", "Verhuur Bench")
ROLE_MIX = ("gezinswerker",) * 12 + ("buurtteammedewerker",) * 6 + ("inkomensconsulent",) * 2

# request status, cumulative weight
STATUS_MIX = (
    ("ingediend", 0.15),
    ("goedgekeurd", 0.40),
    ("betaald", 0.80),
    ("afgewezen", 0.95),
    ("elders-opgelost", 1.0),
)


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


def _tables():
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


def _copy(cursor, table: Table, rows: list, stats: Stats) -> None:
    if not rows:
        stats.add(table.name, 0, 0.0)
        return
    start = time.perf_counter()
    with cursor.copy(table.copy_sql) as copy:
        for row in rows:
            copy.write_row(row)
    stats.add(table.name, len(rows), time.perf_counter() - start)


def _euro(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _truncate(cursor) -> None:
    from doorbraak.accounts.models import Organisation, User
    from doorbraak.approvals.models import ApprovalGroup, ApprovalPolicy
    from doorbraak.cases.models import Household

    names = [m._meta.db_table for m in (Organisation, User, ApprovalPolicy, ApprovalGroup)]
    names.append(Household._meta.db_table)
    cursor.execute("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " RESTART IDENTITY CASCADE")


def _fix_sequences(cursor, tables) -> None:
    for name in tables:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
            f'COALESCE((SELECT max(id) FROM "{name}"), 1), '
            f'(SELECT max(id) IS NOT NULL FROM "{name}"))'
        )


def generate(*, scale: str = "tiny", seed: int = 1, connection=None, out=None) -> Stats:
    """Fill the database behind `connection` (a Django connection; default: the default
    one). Migrations must have run. Returns the row counts and timings per table."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection as default_connection
    from django.db import transaction

    from doorbraak.accounts.roles import CASEWORKER_ROLES
    from doorbraak.approvals.models import ApprovalPolicy, PolicyVersion
    from doorbraak.approvals.services import policy_save
    from doorbraak.funds.models import Fund, LedgerAccount
    from doorbraak.funds.services import fund_open

    connection = connection or default_connection
    out = out or sys.stdout
    sc = SCALES[scale]
    rng = random.Random(seed)
    t = _tables()
    stats = Stats()
    started = time.perf_counter()

    def say(message: str) -> None:
        print(message, file=out, flush=True)

    with transaction.atomic(using=connection.alias):
        connection.ensure_connection()
        cursor = connection.connection.cursor()
        _truncate(cursor)

        # -- organisations, wijken, teams, users ------------------------------------------------
        orgs = [(1, "Gemeente Bench", "gemeente"), (2, "Buurtteams Bench", "buurtteamorganisatie")]
        orgs += [(i + 3, name, kind) for i, (name, kind) in enumerate(BLOCKER_ORGS)]
        blocker_org_ids = [o[0] for o in orgs[2:]]
        _copy(cursor, t["organisation"], orgs, stats)
        _copy(
            cursor,
            t["neighbourhood"],
            [(w, f"Wijk Bench {w}", 1) for w in range(1, sc.wijken + 1)],
            stats,
        )
        team_wijk = {n: (n - 1) % sc.wijken + 1 for n in range(1, sc.teams + 1)}
        _copy(
            cursor,
            t["team"],
            [(n, f"Buurtteam Bench {n}", 2, team_wijk[n]) for n in team_wijk],
            stats,
        )

        password = make_password("doorbraak")
        users = []
        team_members: dict[int, list[int]] = {}
        team_caseworkers: dict[int, list[int]] = {}
        uid = 0
        for team in range(1, sc.teams + 1):
            roles = ["teamleider"] + [ROLE_MIX[i % len(ROLE_MIX)] for i in range(sc.per_team - 1)]
            for slot, role in enumerate(roles):
                uid += 1
                first = rng.choice(GIVEN_NAMES)
                last = rng.choice(FAMILY_NAMES)
                if team == 1 and slot == 1:
                    username, role = "bench-worker", "gezinswerker"
                else:
                    username = f"bench-user-{uid}"
                users.append(
                    (uid, password, None, False, username, first, last, "", False, True,
                     BASE - datetime.timedelta(days=30), role, 2, team)
                )  # fmt: skip
                team_members.setdefault(team, []).append(uid)
                if role in CASEWORKER_ROLES:
                    team_caseworkers.setdefault(team, []).append(uid)
        for role in ("beheerder", "beleidsadviseur", "manager-wi"):
            uid += 1
            users.append(
                (uid, password, None, False, f"bench-user-{uid}", "Bench", role.title(), "",
                 role == "beheerder", True, BASE - datetime.timedelta(days=30), role, 1, None)
            )  # fmt: skip
        _copy(cursor, t["user"], users, stats)

        # -- policy and funds, through the services ----------------------------------------------
        start = time.perf_counter()
        policy = ApprovalPolicy(name="Bench teambeleid", pool="team", quorum=3, no_threshold=2)
        policy_save(policy)
        funds: list[int] = []
        team_funds: dict[int, list[int]] = {}
        for team in range(1, sc.teams + 1):
            for n, name in enumerate(("Doorbraakfonds", "Herstelpotje")[:FUNDS_PER_TEAM]):
                fund = fund_open(
                    Fund(
                        name=f"{name} Team {team}",
                        owner_team_id=team,
                        owner_organisation_id=1,
                        programme="Bench",
                        period_start=datetime.date(2025, 1, 1),
                        period_end=datetime.date(2025, 12, 31),
                        total_budget=Decimal("0"),
                        debtor_name="Gemeente Bench",
                        debtor_iban=IBANS[n],
                        approval_policy=policy,
                    )
                )
                funds.append(fund.pk)
                team_funds.setdefault(team, []).append(fund.pk)
        cursor.execute(f'UPDATE "{Fund._meta.db_table}" SET created_at = %s', (BASE,))
        cursor.execute(f'UPDATE "{PolicyVersion._meta.db_table}" SET created_at = %s', (BASE,))
        account = {
            (a.fund_id, a.kind): a.pk
            for a in LedgerAccount.objects.using(connection.alias).filter(fund_id__in=funds)
        }
        stats.add("funds (ORM)", len(funds), time.perf_counter() - start)

        cursor.execute("SELECT id, label FROM proposals_category WHERE active ORDER BY id")
        categories = cursor.fetchall()
        cursor.execute("SELECT id FROM proposals_legalground WHERE active ORDER BY id")
        grounds = [row[0] for row in cursor.fetchall()] or [None]

        # -- households and everything hanging off them, in chunks -------------------------------
        per_case = [0] * sc.households
        for _ in range(sc.requests):
            per_case[rng.randrange(sc.households)] += 1

        n_funds = len(funds)
        ids = {"member": 0, "blocker": 0, "timeline": 0, "request": 0, "rb": 0, "vote": 0,
               "notification": 0, "reservation": 0, "order": 0,
               "transaction": n_funds, "entry": 2 * n_funds}  # fmt: skip
        reserved = dict.fromkeys(funds, 0)
        order_tables = [
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

        def nxt(key: str) -> int:
            ids[key] += 1
            return ids[key]

        gen_seconds = 0.0
        for chunk_start in range(0, sc.households, CHUNK_HOUSEHOLDS):
            gen_start = time.perf_counter()
            rows = {name: [] for name in order_tables}
            for h in range(chunk_start + 1, min(chunk_start + CHUNK_HOUSEHOLDS, sc.households) + 1):
                team = rng.randrange(1, sc.teams + 1)
                family = rng.choice(FAMILY_NAMES)
                opened = BASE + datetime.timedelta(seconds=rng.randrange(YEAR_SECONDS // 2))
                rows["household"].append(
                    (h, f"Huishouden Bench {h}", team_wijk[team], f"Benchstraat {h}",
                     f"{1000 + h % 9000} AB", "Benchstad", opened)
                )  # fmt: skip
                for m in range(rng.randint(1, 4)):
                    role = ("hoofdbewoner", "partner", "kind", "kind")[m]
                    born = rng.randint(1960, 1995) if m < 2 else rng.randint(2005, 2022)
                    rows["member"].append(
                        (nxt("member"), h, uuid.UUID(int=rng.getrandbits(128)),
                         rng.choice(GIVEN_NAMES), family, role, born, "", "", opened)
                    )  # fmt: skip
                key_worker = rng.choice(team_caseworkers[team])
                closed = rng.random() < 0.1
                domains = rng.sample(LIFE_DOMAINS, rng.randint(1, 3))
                rows["case"].append(
                    (h, h, key_worker, team, "gesloten" if closed else "open",
                     "Hulpvraag van het huishouden", json.dumps(domains), opened,
                     opened + datetime.timedelta(days=120) if closed else None)
                )  # fmt: skip
                rows["timeline"].append(
                    (nxt("timeline"), h, "geopend", "", key_worker, None, opened)
                )
                case_blockers = []
                for b in range(rng.randint(1, 3)):
                    bid = nxt("blocker")
                    case_blockers.append(bid)
                    org = rng.choice(blocker_org_ids)
                    at = opened + datetime.timedelta(hours=b + 1)
                    resolved = rng.random() < 0.3
                    rows["blocker"].append(
                        (bid, h, org, rng.choice(RULES), "Het huishouden loopt vast",
                         rng.choice(domains), "opgelost" if resolved else "open", key_worker,
                         at, "Opgelost met een maatwerkvoorstel" if resolved else "",
                         at + datetime.timedelta(days=30) if resolved else None)
                    )  # fmt: skip
                    rows["timeline"].append(
                        (nxt("timeline"), h, "knelpunt", "", key_worker, bid, at)
                    )
                if rng.random() < 0.5:
                    rows["timeline"].append(
                        (nxt("timeline"), h, "notitie", "Huisbezoek gehad", key_worker, None,
                         opened + datetime.timedelta(days=2))
                    )  # fmt: skip

                members = team_members[team]
                for _ in range(per_case[h - 1]):
                    rid = nxt("request")
                    ref = f"V-{rid:06d}"
                    requester = key_worker if rng.random() < 0.9 else rng.choice(members)
                    category_id, category_label = rng.choice(categories)
                    fund_id = rng.choice(team_funds[team])
                    cents = 0 if rng.random() < 0.03 else rng.randint(100, 50_000)
                    roll = rng.random()
                    status = next(s for s, w in STATUS_MIX if roll < w)
                    submitted = opened + datetime.timedelta(
                        seconds=rng.randrange(YEAR_SECONDS // 2)
                    )
                    decided = (
                        None
                        if status == "ingediend"
                        else submitted + datetime.timedelta(hours=rng.randint(2, 96))
                    )
                    solution = rng.choice(SOLUTIONS)
                    supplier = rng.choice(SUPPLIERS)
                    iban = rng.choice(IBANS)
                    texts = {
                        "solution": solution,
                        "prior_provisions_note": "Geen voorliggende voorziening",
                        "recurrence_prevention": "Budgetcoaching loopt",
                        "legitimacy": "Past binnen de hardheidsclausule",
                        "legitimacy_na": "",
                        "involvement": "Het huishouden betaalt een deel terug",
                        "involvement_na": "",
                        "societal_return": "Voorkomt een ontruiming",
                        "societal_return_na": "",
                        "blockers": [],
                    }
                    rows["request"].append(
                        (rid, h, solution, category_id, _euro(cents), "eenmalig", 1, supplier,
                         iban, '["geen"]', texts["prior_provisions_note"],
                         texts["recurrence_prevention"], fund_id, status, json.dumps(texts),
                         decided,
                         "ander-fonds" if status == "elders-opgelost" else "",
                         "Via een ander fonds betaald" if status == "elders-opgelost" else "",
                         requester, submitted)
                    )  # fmt: skip
                    rows["request_blockers"].append((nxt("rb"), rid, rng.choice(case_blockers)))
                    rows["triangle"].append(
                        (rid, rid, rng.choice(grounds), texts["legitimacy"], "",
                         texts["involvement"], "", texts["societal_return"], "")
                    )  # fmt: skip

                    colleagues = [u for u in members if u != requester]
                    if status in ("goedgekeurd", "betaald"):
                        choices = ["ja"] * 3
                    elif status == "afgewezen":
                        choices = ["nee", "nee"] + ["ja"] * rng.randint(0, 1)
                    elif status == "ingediend":
                        choices = [
                            rng.choice(("ja", "ja", "vraag")) for _ in range(rng.randint(0, 2))
                        ]
                    else:
                        choices = ["ja"] * rng.randint(0, 1)
                    voters = rng.sample(colleagues, len(choices))
                    for n, (voter, choice) in enumerate(zip(voters, choices, strict=True)):
                        comment = "" if choice == "ja" else "Graag toelichting"
                        rows["vote"].append(
                            (nxt("vote"), rid, voter, choice, comment,
                             submitted + datetime.timedelta(minutes=10 * (n + 1)))
                        )  # fmt: skip
                    if status == "ingediend":
                        voted = set(voters)
                        for user in colleagues:
                            if user not in voted:
                                rows["notification"].append(
                                    (nxt("notification"), user, rid, "stem-gevraagd", submitted,
                                     None)
                                )  # fmt: skip

                    if status in ("goedgekeurd", "betaald") and cents > 0:
                        memo = f"{ref} {category_label}"
                        rows["reservation"].append(
                            (nxt("reservation"), fund_id, ref, rid, cents,
                             cents if status == "betaald" else 0, 0, decided)
                        )  # fmt: skip
                        reserved[fund_id] += cents
                        txn = nxt("transaction")
                        rows["transaction"].append(
                            (txn, fund_id, "reservering", f"reserve:{ref}", rid, memo,
                             voters[-1], decided)
                        )  # fmt: skip
                        rows["entry"].append((nxt("entry"), txn, account[fund_id, "vrij"], -cents))
                        rows["entry"].append(
                            (nxt("entry"), txn, account[fund_id, "gereserveerd"], cents)
                        )
                        oid = nxt("order")
                        paid_at = decided + datetime.timedelta(days=7)
                        rows["order"].append(
                            (oid, rid, fund_id, 1, _euro(cents), supplier[:70], iban,
                             memo[:140], (decided + datetime.timedelta(days=3)).date(),
                             "betaald" if status == "betaald" else "open", None,
                             paid_at if status == "betaald" else None)
                        )  # fmt: skip
                        if status == "betaald":
                            txn = nxt("transaction")
                            rows["transaction"].append(
                                (txn, fund_id, "betaling", f"pay:order:{oid}", rid, memo[:300],
                                 requester, paid_at)
                            )  # fmt: skip
                            rows["entry"].append(
                                (nxt("entry"), txn, account[fund_id, "gereserveerd"], -cents)
                            )
                            rows["entry"].append(
                                (nxt("entry"), txn, account[fund_id, "betaald"], cents)
                            )
            gen_seconds += time.perf_counter() - gen_start
            for name in order_tables:
                _copy(cursor, t[name], rows[name], stats)
            say(f"  households {min(chunk_start + CHUNK_HOUSEHOLDS, sc.households):>9,}")
        stats.seconds["(python generation)"] = gen_seconds

        # -- budgets, allocations and balances ------------------------------------------------
        start = time.perf_counter()
        allocations, entries, budgets = [], [], []
        for n, fund_id in enumerate(funds, start=1):
            budget = math.ceil(reserved[fund_id] * 1.25 / 100_000) * 100_000 + 1_000_000
            budgets.append((fund_id, _euro(budget)))
            allocations.append(
                (n, fund_id, "toewijzing", f"allocate:fund:{fund_id}", None, "Budget", None,
                 BASE - datetime.timedelta(days=1))
            )  # fmt: skip
            entries.append((2 * n - 1, n, account[fund_id, "budget"], -budget))
            entries.append((2 * n, n, account[fund_id, "vrij"], budget))
        _copy(cursor, t["transaction"], allocations, stats)
        _copy(cursor, t["entry"], entries, stats)
        fund_table = Fund._meta.db_table
        cursor.executemany(
            f'UPDATE "{fund_table}" SET total_budget = %s WHERE id = %s',
            [(b, f) for f, b in budgets],
        )
        account_table = LedgerAccount._meta.db_table
        cursor.execute(
            f'UPDATE "{account_table}" a SET balance_cents = COALESCE(s.total, 0) '
            f'FROM "{account_table}" a2 LEFT JOIN (SELECT account_id, sum(amount_cents) AS total '
            f'FROM "{t["entry"].name}" GROUP BY account_id) s ON s.account_id = a2.id '
            "WHERE a.id = a2.id"
        )
        stats.add("balances", len(funds), time.perf_counter() - start)

        _fix_sequences(
            cursor,
            [tb.name for tb in t.values()]
            + [fund_table, account_table, "approvals_approvalpolicy"],
        )
        start = time.perf_counter()
        cursor.execute("ANALYZE")
        stats.add("ANALYZE", 0, time.perf_counter() - start)
    stats.seconds["TOTAL"] = time.perf_counter() - started
    return stats


def report(stats: Stats, out=None) -> None:
    out = out or sys.stdout
    for name, seconds in stats.seconds.items():
        rows = stats.counts.get(name)
        count = f"{rows:>12,}" if rows is not None else " " * 12
        rate = f"{rows / seconds:>12,.0f}/s" if rows and seconds > 0 else ""
        print(f"{name:<32}{count} {seconds:>8.2f}s {rate}", file=out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="tiny")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", help="default: $DATABASE_URL")
    args = parser.parse_args(argv)
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        parser.error("a PostgreSQL DATABASE_URL is needed (--database-url or $DATABASE_URL)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")

    import django
    from django.core.management import call_command

    django.setup()
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate {time.perf_counter() - start:.2f}s")
    stats = generate(scale=args.scale, seed=args.seed)
    report(stats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
