"""`make bench`: run every benchmark several times on this machine and write
bench/results/latest.json (name → median, min, max, unit) and docs/benchmarks.md.

Each figure is a ratio against a baseline measured in the same run (bare Django, pgbench,
plain deduce), so the numbers mean something on any machine."""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
DOC = ROOT / "docs" / "benchmarks.md"

TARGETS = [
    ("web.ratio_vs_bare", "≥ 0.40 × bare Django throughput", lambda v: v >= 0.40),
    ("web.p95_ms", "p95 ≤ 100 ms at 16 users", lambda v: v <= 100),
    ("dashboard.p95_ms", "dashboard /cijfers/ p95 ≤ 300 ms (municipality)", lambda v: v <= 300),
    (
        "dashboard_in_mix.p95_ms",
        "dashboard p95 ≤ 300 ms while the web mix runs (one dashboard user)",
        lambda v: v <= 300,
    ),
    (
        "team_dashboard_in_mix.p95_ms",
        "team leader's dashboard p95 ≤ 300 ms while the web mix runs",
        lambda v: v <= 300,
    ),
    (
        "dashboard_under_mix.p95_ms",
        "dashboard p95 ≤ 300 ms, four dashboard users beside the web mix",
        lambda v: v <= 300,
    ),
    ("ledger.ratio_vs_pgbench", "≥ 0.30 × pgbench TPC-B tps", lambda v: v >= 0.30),
    ("ledger.overspent_funds", "0 funds overspent", lambda v: v == 0),
    ("anonymiser.ratio_vs_deduce", "≥ 1.0 × deduce notes/s", lambda v: v >= 1.0),
    ("anonymiser.warm_start_s", "warm start ≤ 10 s", lambda v: v <= 10),
    (
        "memory.growth_ratio",
        "worker memory after 10,000 requests ≤ 1.10 × after 1,000",
        lambda v: v <= 1.10,
    ),
]


def default_database_url(scale: str) -> str:
    url = subprocess.check_output([str(ROOT / "scripts" / "local-postgres.sh")]).decode().strip()
    return url.rsplit("/", 1)[0] + f"/doorbraak_bench_{scale}"


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        "?",
    )
    import django

    postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory) / 1024**2, 1),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": postgres.strip(),
        "date": datetime.date.today().isoformat(),
    }


def dataset(database_url: str) -> dict:
    script = (
        "import django, json; django.setup()\n"
        "from doorbraak.cases.models import Household\n"
        "from doorbraak.proposals.models import Request\n"
        "print(json.dumps({'households': Household.objects.count(), "
        "'requests': Request.objects.count()}))"
    )
    out = subprocess.check_output(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "doorbraak.settings",
        },
    )
    return json.loads(out.decode().strip().splitlines()[-1])


def fmt(value) -> str:
    """Readable numbers: three decimals for small values, whole numbers for large ones."""
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3f}".rstrip("0").rstrip(".")
    return f"{value:,}" if isinstance(value, int) else str(value)


ANALYSIS = ROOT / "bench" / "analysis.md"


def analysis() -> str:
    """The hand-written part: what limits a target that is not met, from profiles."""
    return ANALYSIS.read_text().strip() + "\n" if ANALYSIS.exists() else ""


def write_doc(results: dict, info: dict, data: dict, args) -> None:
    rows = "\n".join(
        f"| `{name}` | {fmt(r['median'])} | {fmt(r['min'])} | {fmt(r['max'])} | {r['unit']} |"
        for name, r in sorted(results.items())
    )
    checks = []
    for name, label, ok in TARGETS:
        if name in results:
            value = results[name]["median"]
            checks.append(
                f"| {label} | {fmt(value)} {results[name]['unit']} | "
                f"{'met' if ok(value) else '**not met**'} |"
            )
        else:
            checks.append(f"| {label} | not measured | — |")
    DOC.write_text(f"""# Benchmarks

Measured with `make bench` on {info["date"]}: {info["cpu"]}, {info["cores"]} cores,
{info["memory_gib"]} GiB; Python {info["python"]}, Django {info["django"]},
{info["postgresql"]}. Dataset: {data["households"]:,} households, {data["requests"]:,}
requests (`make bench-data SCALE={args.scale}`). Every figure is the median of {args.repeats}
runs (min and max beside it), and each is compared with a baseline measured in the same run.

## Targets

| target | measured | |
|---|---|---|
{chr(10).join(checks)}

{analysis()}

## All figures

| name | median | min | max | unit |
|---|---|---|---|---|
{rows}

## How it is measured

- **web**: gunicorn ({args.workers} workers, DEBUG off) on PostgreSQL; after a 20 s warm-up,
  wrk with 16 connections for {args.seconds} s cycles through the pages of `bench-worker`
  (`bench/web.py`: start page, notifications, case list mine and team, vote inbox, actions,
  tables, signals, funds, LET, ten case pages, five vote pages, five request pages, and the
  dashboard `/cijfers/` of `bench-manager`, manager W&I of the whole municipality); the baseline is
  `/bench/bare/` (session auth and one query) on the same server in the same run. Every page
  view also writes its processing-log and audit records, as in production.
  **dashboard**: `/cijfers/` alone as `bench-manager`, 4 connections, after each web run;
  **dashboard_in_mix**: one person opening `/cijfers/` again and again (half a second between
  views) while the 16 connections of the mix run, the latency they see measured around each
  whole request; **team_dashboard_in_mix**: at the same time the same for the team leader of
  `bench-worker`'s team (`bench-user-1`); **bare_in_mix**: at the same time the same for
  `/bench/bare/` (the floor: what any page, however cheap, waits under the mix);
  **dashboard_under_mix**: four dashboard connections, closed loop, beside the mix
  (20 connections: more load than the mix itself).
  `python -m bench.pages` shows the same mix per page in one process (time, queries, SQL time,
  and with `--profile` where the time goes).
- **memory**: one gunicorn worker's resident memory after 1,000 and after 10,000 requests
  through the same mix, one after the other.
- **ledger**: 32 clients (four processes of eight threads, each thread its own connection)
  reserve, pay and release on 10 funds for {args.seconds} s, against `pgbench`'s built-in
  TPC-B-like run (32 clients, `-j 2`) on the same PostgreSQL server; afterwards every fund's
  balances must be non-negative and equal a replay of its entries.
- **anonymiser**: `doorbraak-anonymise` and plain `deduce` on the same synthetic notes, each in
  a fresh process: notes per second after start-up, and the warm start.
- **queries**: the number of SQL queries per page and API list is asserted in
  `tests/test_query_counts.py` (part of `make test`): adding rows never adds queries.

## Reproduce

```
make test                           # sets everything up, incl. the local PostgreSQL
make bench-data SCALE={args.scale}   # synthetic data in doorbraak_bench_{args.scale}
make bench SCALE={args.scale}        # writes bench/results/latest.json and this page
```
""")


def patterns(url: str) -> dict:
    """bench/patterns.py in its own process and its own database (it empties the blockers):
    doorbraak_bench_patterns next to the bench database, created when missing."""
    base = url.rsplit("/", 1)[0]
    exists = subprocess.run(
        [
            "psql",
            f"{base}/postgres",
            "-qtAc",
            "SELECT 1 FROM pg_database WHERE datname='doorbraak_bench_patterns'",
        ],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if exists != "1":
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", "CREATE DATABASE doorbraak_bench_patterns"],
            check=True,
        )
    out = ROOT / "bench" / "results" / "patterns.json"
    env = {**os.environ, "DATABASE_URL": f"{base}/doorbraak_bench_patterns"}
    subprocess.run(
        [sys.executable, "-m", "bench.patterns", "--json", str(out)], check=True, env=env, cwd=ROOT
    )
    return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--scale", default=os.environ.get("SCALE", "city"))
    parser.add_argument(
        "--only",
        nargs="*",
        default=["web", "memory", "ledger", "anonymiser", "patterns"],
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="rewrite docs/benchmarks.md from bench/results/latest.json",
    )
    args = parser.parse_args()
    url = args.database_url or default_database_url(args.scale)
    if args.report_only:
        write_doc(json.loads(RESULTS.read_text()), machine(), dataset(url), args)
        return
    results: dict = {}

    def keep(figures: dict) -> None:
        """Add a benchmark's figures and write them at once: a later failure loses nothing."""
        results.update(figures)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")

    if "web" in args.only:
        from bench import web

        keep(web.run(url, repeats=args.repeats, seconds=args.seconds, workers=args.workers))
    if "memory" in args.only:
        from bench import web

        keep(web.memory(url))
    if "ledger" in args.only:
        from bench import ledger

        keep(ledger.run(url, repeats=args.repeats, seconds=args.seconds))
    if "anonymiser" in args.only:
        from bench import anonymiser

        keep(anonymiser.run(repeats=max(args.repeats, 3)))
    if "patterns" in args.only:
        keep(patterns(url))
    write_doc(results, machine(), dataset(url), args)
    print(json.dumps(results, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
