"""Pattern matching benchmark: match one new blocker, and recompute all patterns, at N blockers.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:54329/matching_bench \\
       python -m bench.patterns 10000 100000 1000000 [--runs 7] [--recompute-runs 3]

For each N the database is emptied of blockers and patterns and filled with N synthetic
blockers and their stored signatures (COPY on PostgreSQL, bulk insert elsewhere) over 600
cases in 20 teams of 10 municipalities and 12 organisations. Blockers are spread over the
municipalities by 1/rank (the largest holds 34 %, far more than Amsterdam's 5 % of the
country) and the Dienst Toeslagen holds a fifth of each; rule texts come from 40 rule templates
with small variations and 5 effects (800 distinct texts), dated over the last 11 months.

Figures per N (median of the runs, min and max beside it):
* `match_worst`: one new Toeslagen blocker in the largest municipality before any pattern
  exists (every blocker of that organisation and municipality is an unassigned candidate).
* `recompute_first`: `recompute_patterns()` over all N blockers when no pattern exists yet,
  in a child process with the anonymiser loaded (as in a started worker), and its peak RSS;
  `recompute`: the same again (the normal state: it finds the same patterns and reuses
  their anonymised texts), median of the further runs.
* `match`: one new blocker in the same scope after the recompute (the normal state: the pool
  is the open patterns' references plus the items in no pattern).
Each match is timed alone, inside a transaction that is rolled back.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings_test")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

RULES = [
    "Medebewoner telt mee in de huurtoeslag",
    "Geen bijstand met terugwerkende kracht",
    "Voorschot wordt in één keer teruggevorderd",
    "Onder de 23 jaar geen huurtoeslag boven de kwaliteitskortingsgrens",
    "Zonder adres geen uitkering",
    "Beslag op de toeslag ondanks de beslagvrije voet",
    "Schuldregeling vraagt verkoop van de auto",
    "Verhogingen op boetes lopen door tijdens de schuldregeling",
    "Wachttijd voor beschermd wonen",
    "Tandzorg valt niet onder de basisverzekering",
] + [f"Regel {i} over procedure {i % 7} en termijn {i % 5}" for i in range(30)]
EFFECTS = ["minder inkomen", "huurachterstand", "schuld groeit", "geen woning", "zorg mist"]
EXTRA = ["", " (gemeld door buurtteam)", " volgens de brief", " sinds de verhuizing"]
MUNICIPALITIES = 10
TEAMS_PER_MUNICIPALITY = 2
CASES = 600
NEW_RULE = "Een spookbewoner telt als medebewoner mee in de huurtoeslag"
NEW_EFFECT = "veel minder huurtoeslag"


def setup_world():
    """Organisations, municipalities with a wijk and two teams each, a worker per team and
    600 cases (made once, kept between sizes)."""
    from doorbraak.accounts.models import Neighbourhood, Organisation, Team, User
    from doorbraak.cases import services
    from doorbraak.cases.models import Case

    organisations = [
        Organisation.objects.get_or_create(name=f"Bench-organisatie {i}", kind="overig")[0]
        for i in range(12)
    ]
    workers = []
    for m in range(MUNICIPALITIES):
        municipality = Organisation.objects.get_or_create(
            name=f"Bench-gemeente {m}", kind="gemeente"
        )[0]
        wijk = Neighbourhood.objects.get_or_create(name="Centrum", municipality=municipality)[0]
        for t in range(TEAMS_PER_MUNICIPALITY):
            team = Team.objects.get_or_create(
                name=f"Bench-team {m}-{t}", organisation=organisations[1], neighbourhood=wijk
            )[0]
            workers.append(
                User.objects.get_or_create(
                    username=f"bench-werker-{m}-{t}",
                    defaults={"role": "gezinswerker", "team": team},
                )[0]
            )
    per_worker = CASES // len(workers)
    cases_by_municipality: list[list] = [[] for _ in range(MUNICIPALITIES)]
    for index, worker in enumerate(workers):
        cases = list(Case.objects.filter(key_worker=worker).order_by("pk"))
        while len(cases) < per_worker:
            cases.append(
                services.case_open(
                    actor=worker,
                    household_name=f"Huishouden Bench{index}-{len(cases)}",
                    given_name="Bench",
                    family_name=f"Synthetisch{index}x{len(cases)}",
                    birth_year=1980,
                )
            )
        cases_by_municipality[index // TEAMS_PER_MUNICIPALITY] += cases
    return organisations, cases_by_municipality, workers


def empty():
    from doorbraak.cases.models import Blocker
    from doorbraak.learning.models import (
        Pattern,
        PatternBlocker,
        Signal,
        Signature,
        SignatureVector,
    )

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"TRUNCATE {PatternBlocker._meta.db_table}, {Signature._meta.db_table}, "
                f"{SignatureVector._meta.db_table}, {Signal.blockers.through._meta.db_table}"
            )
    PatternBlocker.objects.all().delete()
    Signal.objects.all().delete()
    Pattern.objects.all().delete()
    Signature.objects.all().delete()
    SignatureVector.objects.all().delete()
    # The bench database holds only the bench's own blockers: no ORM collection of a million.
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Blocker._meta.db_table}")


def forget():
    """Every pattern and link gone and every signature unflagged; blockers stay."""
    from doorbraak.learning.models import Pattern, PatternBlocker, Signal, Signature

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {PatternBlocker._meta.db_table}")
    PatternBlocker.objects.all().delete()
    Signal.objects.all().delete()
    Pattern.objects.all().delete()
    Signature.objects.filter(in_pattern=True).update(in_pattern=False)


def fill(n, organisations, cases_by_municipality, user, rng):
    """N blockers with their signatures; each distinct text is vectorised once."""
    from doorbraak.cases.models import Blocker
    from doorbraak.learning import signature
    from doorbraak.learning.models import Signature, SignatureVector

    empty()
    weights = [1 / (rank + 1) for rank in range(MUNICIPALITIES)]
    texts = [(rule + extra, effect) for rule in RULES for extra in EXTRA for effect in EFFECTS]
    vectors = dict(zip(texts, signature.many(texts), strict=True))
    digests = {text: signature.digest(*text) for text in texts}
    now = timezone.now()
    rows = []
    for _ in range(n):
        m = rng.choices(range(MUNICIPALITIES), weights)[0]
        case = rng.choice(cases_by_municipality[m])
        org = organisations[0] if rng.random() < 0.2 else rng.choice(organisations[1:])
        text = rng.choice(texts)
        when = now - datetime.timedelta(days=rng.uniform(1, 330))
        rows.append((case, org.pk, text, when))
    rows.sort(key=lambda row: row[3])
    first = (Blocker.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    municipality_of = {
        case.pk: (case.team_id, case.team.neighbourhood.municipality_id)
        for cases in cases_by_municipality
        for case in cases
    }
    blocker_rows = [
        (first + i, case.pk, org, text[0], text[1], "wonen", "open", user.pk, when, "")
        for i, (case, org, text, when) in enumerate(rows)
    ]
    signature_rows = [
        (
            first + i,
            org,
            municipality_of[case.pk][1],
            case.pk,
            municipality_of[case.pk][0],
            when,
            digests[text],
            False,
        )
        for i, (case, org, text, when) in enumerate(rows)
    ]
    vector_rows = [(first + i, vectors[text]) for i, (_case, _org, text, _when) in enumerate(rows)]
    blocker_columns = [
        "id",
        "case_id",
        "organisation_id",
        "rule",
        "effect",
        "life_domain",
        "status",
        "created_by_id",
        "created_at",
        "resolution",
    ]
    signature_columns = [
        "blocker_id",
        "organisation_id",
        "municipality_id",
        "case_id",
        "team_id",
        "created_at",
        "digest",
        "in_pattern",
    ]
    if connection.vendor == "postgresql":
        _copy(Blocker._meta.db_table, blocker_columns, blocker_rows)
        _copy(Signature._meta.db_table, signature_columns, signature_rows)
        _copy(SignatureVector._meta.db_table, ["blocker_id", "vector"], vector_rows)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)",
                [Blocker._meta.db_table, first + n],
            )
            cursor.execute(
                f"ANALYZE {Blocker._meta.db_table}, {Signature._meta.db_table}, "
                f"{SignatureVector._meta.db_table}"
            )
    else:
        for start in range(0, n, 5000):
            Blocker.objects.bulk_create(
                Blocker(**dict(zip(blocker_columns, row, strict=True)))
                for row in blocker_rows[start : start + 5000]
            )
            Signature.objects.bulk_create(
                Signature(**dict(zip(signature_columns, row, strict=True)))
                for row in signature_rows[start : start + 5000]
            )
            SignatureVector.objects.bulk_create(
                SignatureVector(blocker_id=pk, vector=vector)
                for pk, vector in vector_rows[start : start + 5000]
            )


def _copy(table, columns, rows):
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def one_match(organisation, case, user) -> float:
    from doorbraak.cases.models import Blocker
    from doorbraak.learning.matching import pattern_match_blocker

    with transaction.atomic():
        blocker = Blocker.objects.create(
            case=case,
            organisation=organisation,
            rule=NEW_RULE,
            effect=NEW_EFFECT,
            life_domain="wonen",
            created_by=user,
        )
        start = time.perf_counter()
        pattern_match_blocker(blocker.pk)
        elapsed = time.perf_counter() - start
        transaction.set_rollback(True)
    return elapsed


def _child_figures() -> dict:
    """Run `--recompute-child` in a fresh process; its figures (the last line it prints)."""
    output = subprocess.run(
        [sys.executable, "-m", "bench.patterns", "--recompute-child"],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def recompute_in_child() -> tuple[float, float, dict, float]:
    """recompute_patterns() in a fresh process: (seconds, peak RSS in MiB, result, CPU
    seconds of that process: on a shared machine the wall time includes waiting)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    figures = _child_figures()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak < before:  # pragma: no cover - ru_maxrss only grows
        peak = before
    return figures["seconds"], peak / 1024, figures["result"], figures["cpu_seconds"]


class StatementTimes:
    """Wall time per SQL statement as the client sees it (sent → last row fetched for
    fetchall/COPY is not included), summed by the statement's first words: where the
    database spends the recompute's time, without pg_stat_statements."""

    def __init__(self):
        self.times: dict[str, list[float]] = {}

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            key = " ".join(str(sql).split())[:90]
            entry = self.times.setdefault(key, [0.0, 0])
            entry[0] += time.perf_counter() - start
            entry[1] += 1

    def top(self, n=12) -> list:
        rows = sorted(self.times.items(), key=lambda kv: -kv[1][0])[:n]
        return [[round(t, 3), count, key] for key, (t, count) in rows]


#: The recompute's steps whose wall time the child reports (module, function).
PHASES = [
    ("doorbraak.learning.signature_store", "store_signatures"),
    ("doorbraak.learning.recompute", "_signatures_by_scope"),
    ("doorbraak.learning.recompute", "_links"),
    ("doorbraak.learning.replay", "Product.choose"),
    ("doorbraak.learning.replay", "replay"),
    ("doorbraak.learning.writing", "write"),
    ("doorbraak.learning.writing", "_insert_links"),
    ("doorbraak.learning.writing", "sync_flags"),
]


def _time_phases() -> dict[str, float]:
    """Wrap the recompute's steps (where they exist) to sum their wall time."""
    import importlib

    totals: dict[str, float] = {}
    for module_name, name in PHASES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        owner, *path, last = [module, *name.split(".")]
        for part in path:
            owner = getattr(owner, part, None)
        function = getattr(owner, last, None)
        if function is None:
            continue

        def timed(*args, _function=function, _name=name, **kwargs):
            started = time.perf_counter()
            try:
                return _function(*args, **kwargs)
            finally:
                totals[_name] = totals.get(_name, 0.0) + time.perf_counter() - started

        setattr(owner, last, timed)
    return totals


def recompute_child(profile: str | None = None):
    from doorbraak.learning.matching import recompute_patterns
    from doorbraak.privacy.anonymiser import get_anonymiser

    # A worker loads the anonymiser once when it starts (about 13 s here); not counted.
    get_anonymiser()
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    statements = StatementTimes()
    phases = _time_phases()
    start, cpu = time.perf_counter(), time.process_time()
    # An outer transaction, so that its COMMIT (deferred foreign-key checks) is timed alone.
    with connection.execute_wrapper(statements), transaction.atomic():
        result = recompute_patterns()
        before_commit = time.perf_counter()
    after_commit = time.perf_counter()
    seconds, cpu = after_commit - start, time.process_time() - cpu
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    figures = {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "commit_seconds": after_commit - before_commit,
        "sql_seconds": sum(t for t, _ in statements.times.values()),
        "sql_top": statements.top(),
        "phases_s": {name: round(seconds, 3) for name, seconds in phases.items()},
        "result": result,
    }
    print(json.dumps(figures))


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def measure(n, world, rng, runs, recompute_runs, out=sys.stdout) -> dict:
    organisations, cases_by_municipality, workers = world
    started = time.perf_counter()
    fill(n, organisations, cases_by_municipality, workers[0], rng)
    filled = time.perf_counter() - started
    from doorbraak.learning.models import Pattern, Signature

    case = cases_by_municipality[0][0]
    pool = Signature.objects.filter(
        organisation=organisations[0], municipality=case.team.neighbourhood.municipality_id
    ).count()
    worst = [one_match(organisations[0], case, workers[0]) for _ in range(runs)]
    recomputes = [recompute_in_child() for _ in range(recompute_runs)]
    after = [one_match(organisations[0], case, workers[0]) for _ in range(runs)]
    # Each child's peak is the maximum of all children so far: report the largest.
    figures = {
        "n": n,
        "fill_s": round(filled, 1),
        "scope_candidates": pool,
        "patterns": Pattern.objects.count(),
        "runs": runs,
        "recompute_runs": recompute_runs,
        "match_worst_ms": {k: v * 1000 for k, v in summary(worst).items()},
        "match_ms": {k: v * 1000 for k, v in summary(after).items()},
        "recompute_first_s": recomputes[0][0],
        "recompute_s": summary([r[0] for r in recomputes[1:]] or [recomputes[0][0]]),
        "recompute_first_cpu_s": recomputes[0][3],
        "recompute_cpu_s": summary([r[3] for r in recomputes[1:]] or [recomputes[0][3]]),
        "recompute_peak_rss_mib": max(r[1] for r in recomputes),
        # Other work on the machine slows every figure: the 1-minute load at the end.
        "load_average": round(os.getloadavg()[0], 1),
    }
    print(
        f"N={n:>9,}: match {figures['match_ms']['median']:.1f} ms "
        f"(min {figures['match_ms']['min']:.1f}, max {figures['match_ms']['max']:.1f}); "
        f"worst case {figures['match_worst_ms']['median']:.1f} ms over {pool:,} candidates; "
        f"first recompute {figures['recompute_first_s']:.1f} s, "
        f"again {figures['recompute_s']['median']:.1f} s "
        f"(min {figures['recompute_s']['min']:.1f}, max {figures['recompute_s']['max']:.1f}; "
        f"CPU {figures['recompute_first_cpu_s']:.1f} s / "
        f"{figures['recompute_cpu_s']['median']:.1f} s), "
        f"peak RSS {figures['recompute_peak_rss_mib']:.0f} MiB; "
        f"{figures['patterns']} patterns; fill {filled:.0f} s; load {figures['load_average']}",
        file=out,
        flush=True,
    )
    return figures


def run(sizes=(10_000, 100_000, 1_000_000), runs=7, recompute_runs=3) -> dict:
    """For bench/run.py: figures named patterns.<what>_<n>."""
    call_command("migrate", verbosity=0)
    rng = random.Random(14)  # noqa: S311 - synthetic data
    world = setup_world()
    results = {}
    for n in sizes:
        figures = measure(n, world, rng, runs, recompute_runs)
        suffix = f"{n // 1000}k"
        results[f"patterns.match_ms_{suffix}"] = {**figures["match_ms"], "unit": "ms"}
        results[f"patterns.match_worst_ms_{suffix}"] = {**figures["match_worst_ms"], "unit": "ms"}
        results[f"patterns.recompute_s_{suffix}"] = {**figures["recompute_s"], "unit": "s"}
        results[f"patterns.recompute_cpu_s_{suffix}"] = {**figures["recompute_cpu_s"], "unit": "s"}
        first = figures["recompute_first_s"]
        results[f"patterns.recompute_first_s_{suffix}"] = {
            "median": first,
            "min": first,
            "max": first,
            "unit": "s",
        }
        peak = figures["recompute_peak_rss_mib"]
        results[f"patterns.recompute_rss_mib_{suffix}"] = {
            "median": peak,
            "min": peak,
            "max": peak,
            "unit": "MiB",
        }
    empty()
    return results


def main(argv):
    if argv[:1] == ["--recompute-child"]:
        # --recompute-child [--profile FILE]: one recompute, optionally under cProfile
        recompute_child(argv[2] if argv[1:2] == ["--profile"] else None)
        return
    if argv[:1] == ["--recompute"]:
        # --recompute: one recompute in a child, its figures (wall, CPU, COMMIT, SQL) as JSON
        print(json.dumps(_child_figures(), indent=1))
        return
    if argv[:1] == ["--match"]:
        # --match [RUNS]: the match figure on the database as it is (median, min, max in ms)
        from doorbraak.accounts.models import Organisation

        organisations, cases_by_municipality, workers = setup_world()
        del organisations
        toeslagen = Organisation.objects.get(name="Bench-organisatie 0")
        times = [
            one_match(toeslagen, cases_by_municipality[0][0], workers[0]) * 1000
            for _ in range(int(argv[1]) if len(argv) > 1 else 15)
        ]
        print(json.dumps({k: round(v, 1) for k, v in summary(times).items()}))
        return
    if argv[:1] == ["--forget"]:
        # --forget: no patterns any more, the blockers kept (the state of a first recompute)
        forget()
        return
    if argv[:1] == ["--fill"]:
        # --fill N: only fill the database with N blockers (for profiling the recompute)
        call_command("migrate", verbosity=0)
        rng = random.Random(14)  # noqa: S311 - synthetic data
        organisations, cases_by_municipality, workers = setup_world()
        fill(int(argv[1]), organisations, cases_by_municipality, workers[0], rng)
        return
    runs, recompute_runs, json_path = 7, 3, None
    if "--json" in argv:
        json_path = argv[argv.index("--json") + 1]
        del argv[argv.index("--json") : argv.index("--json") + 2]
    if "--runs" in argv:
        runs = int(argv[argv.index("--runs") + 1])
        del argv[argv.index("--runs") : argv.index("--runs") + 2]
    if "--recompute-runs" in argv:
        recompute_runs = int(argv[argv.index("--recompute-runs") + 1])
        del argv[argv.index("--recompute-runs") : argv.index("--recompute-runs") + 2]
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    results = run(sizes, runs, recompute_runs)
    buffer = io.StringIO()
    json.dump(results, buffer, indent=2, sort_keys=True)
    print(buffer.getvalue())
    if json_path:
        with open(json_path, "w") as out:
            out.write(buffer.getvalue() + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
