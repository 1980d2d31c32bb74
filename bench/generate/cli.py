"""The command line: `python -m bench.generate --scale ... --seed ...` and its report."""

import argparse
import os
import sys
import time

from .core import generate
from .tables import Stats
from .vocab import SCALES


def report(stats: Stats, out=None) -> None:
    out = out or sys.stdout
    for name, seconds in stats.seconds.items():
        rows = stats.counts.get(name)
        count = f"{rows:>12,}" if rows is not None else " " * 12
        rate = f"{rows / seconds:>12,.0f}/s" if rows and seconds > 0 else ""
        print(f"{name:<32}{count} {seconds:>8.2f}s {rate}", file=out)


def main(argv=None) -> int:
    description = sys.modules[__package__].__doc__.splitlines()[0]
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=description)
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
    # COPY bypasses the services, which keep the dashboards' figures: count them once.
    from doorbraak.reports import summary

    start = time.perf_counter()
    rows = summary.refresh_all()
    print(f"dashboard figures {rows} rows {time.perf_counter() - start:.2f}s")
    return 0
