"""Vroegsignalering import benchmark: import a CSV of N synthetic signals (10k, 100k, 1M).

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:54329/vroeg_bench \\
       python -m bench.earlysignals 10000 100000 1000000 [--runs 1]

For each N a synthetic CSV is written to a temporary file (10 % of the rows repeat an earlier
row: merged duplicates; half the amounts in Dutch notation), the signals table is emptied,
and the import runs in a fresh child process exactly as the page runs it
(`services.signals_import`: streaming parse, every row checked, contact details encrypted,
keyed hashes, COPY into a temporary table and one INSERT … ON CONFLICT on PostgreSQL; bulk
inserts elsewhere). The child reports wall time, its process CPU time (user + system) and its
peak RSS (ru_maxrss). The database's own CPU is not in the process figure.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings_test")
os.environ.setdefault("DJANGO_DEBUG", "1")

KINDS = ("zorgverzekeraar", "verhuurder", "energie", "water")


def write_csv(path: str, n: int, seed: int = 18) -> None:
    from doorbraak.earlysignals import rows

    rng = random.Random(seed)
    start = datetime.date(2026, 1, 1)
    earlier: list[str] = []
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(rows.DELIMITER.join(rows.HEADER) + "\n")
        for i in range(n):
            if earlier and rng.random() < 0.10:
                out.write(rng.choice(earlier))
                continue
            kind = KINDS[i % 4]
            cents = rng.randint(5_000, 500_000)
            amount = (
                f"{cents // 100}.{cents % 100:02d}"
                if i % 2
                else f"{cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"
            )
            day = start + datetime.timedelta(days=rng.randint(0, 300))
            line = (
                f"{kind};Schuldeiser {rng.randint(1, 40)} (synthetisch);{amount};"
                f"{day:%d-%m-%Y};Persoon {i} Synthetisch;"
                f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1940, 2004)};"
                f"75{rng.randint(10, 99)} AB;{rng.randint(1, 300)};"
                f"06-{rng.randint(10**7, 10**8 - 1)};"
                f"p{i}@voorbeeld.invalid\n"
            )
            out.write(line)
            if len(earlier) < 1000:
                earlier.append(line)


def child(path: str) -> dict:
    import django

    django.setup()
    from django.db import connection

    from doorbraak.accounts.models import Neighbourhood, Organisation, OrganisationKind, Team, User
    from doorbraak.accounts.roles import Role
    from doorbraak.earlysignals import services
    from doorbraak.earlysignals.models import Signal, SignalImport

    municipality, _ = Organisation.objects.get_or_create(
        name="Gemeente Bench (synthetisch)", defaults={"kind": OrganisationKind.MUNICIPALITY}
    )
    wijk, _ = Neighbourhood.objects.get_or_create(municipality=municipality, name="Bench")
    org, _ = Organisation.objects.get_or_create(name="Buurtteams Bench (synthetisch)")
    team, _ = Team.objects.get_or_create(
        organisation=org, name="Bench", defaults={"neighbourhood": wijk}
    )
    leader, _ = User.objects.get_or_create(
        username="bench-teamleider",
        defaults={"role": Role.TEAMLEIDER, "team": team, "organisation": org},
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE earlysignals_signalevent, earlysignals_signal, earlysignals_signalimport"
            )
            cursor.execute("VACUUM ANALYZE earlysignals_signal")
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
    else:
        Signal.objects.all().delete()
        SignalImport.objects.all().delete()
        backend = None
    db_before = _proc_cpu(backend)
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    with open(path, "rb") as handle:
        result = services.signals_import(actor=leader, file=handle, file_name="bench.csv")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "vendor": connection.vendor,
        "rows": result.rows,
        "created": result.created,
        "merged": result.merged,
        "wall_s": round(wall, 2),
        "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 2),
        "peak_rss_mib": round(after.ru_maxrss / 1024, 1),
        # the PostgreSQL backend's own CPU (same machine: /proc), None when not readable
        "db_cpu_s": (round(_proc_cpu(backend) - db_before, 2) if db_before is not None else None),
    }


def _proc_cpu(pid) -> float | None:
    """utime + stime of a process in seconds from /proc (Linux), None when not readable."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(child(argv[1])))
        return
    runs = 1
    if "--runs" in argv:
        runs = int(argv[argv.index("--runs") + 1])
        del argv[argv.index("--runs") : argv.index("--runs") + 2]
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    import django

    django.setup()
    results = []
    for n in sizes:
        with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as tmp:
            path = tmp.name
        try:
            write_csv(path, n)
            size_mib = os.path.getsize(path) / 2**20
            for _ in range(runs):
                done = subprocess.run(
                    [sys.executable, "-m", "bench.earlysignals", "--child", path],
                    capture_output=True,
                    text=True,
                )
                if done.returncode:
                    print(done.stderr[-3000:], file=sys.stderr)
                    raise SystemExit(done.returncode)
                out = done.stdout
                figures = json.loads(out.strip().splitlines()[-1])
                figures.update({"n": n, "file_mib": round(size_mib, 1)})
                figures["load"] = round(os.getloadavg()[0], 1)
                print(json.dumps(figures), flush=True)
                results.append(figures)
        finally:
            os.unlink(path)
    os.makedirs(os.path.join(os.path.dirname(__file__), "results"), exist_ok=True)
    with open(os.path.join(os.path.dirname(__file__), "results", "earlysignals.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
