"""Per-page cost in one process, without a load generator: the view of `make bench`'s web mix
that tells where a page's time goes. For each page of the mix (`bench.web.bench_paths`) it
measures the median wall time over several requests through Django's full handler
(middleware, session, view, template, processing log), the number of SQL queries, and with
`--profile` a cProfile of the whole loop grouped by library (ORM, templates, psycopg, ...).

    DATABASE_URL=postgres://…/doorbraak_bench_city .venv/bin/python -m bench.pages [--profile]

Used to choose and check the levers of issue 12; the throughput figures that count are the
ratios of `make bench`."""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict

GROUPS = [
    ("django/db/models/sql", "ORM: building and compiling SQL"),
    ("django/db/models/query.py", "ORM: querysets and model instances"),
    ("django/db/models/base.py", "ORM: querysets and model instances"),
    ("django/db/models/fields", "ORM: querysets and model instances"),
    ("django/db/backends", "database driver glue (Django)"),
    ("django/db", "ORM: other"),
    ("psycopg", "psycopg (Python side)"),
    ("django/template", "template rendering"),
    ("django/contrib/sessions", "session and user"),
    ("django/contrib/auth", "session and user"),
    ("django/middleware", "middleware"),
    ("django/utils/translation", "translation"),
    ("django/forms", "forms"),
    ("django/urls", "URL resolving and reversing"),
    ("django/", "Django: other"),
    ("doorbraak/", "Doorbraak code"),
]


def setup() -> None:
    from bench.web import server_env

    os.environ.update(server_env(os.environ["DATABASE_URL"]))
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "doorbraak.settings"
    import django

    django.setup()


def paths_of(user) -> list[str]:
    from doorbraak.approvals.queries import inbox
    from doorbraak.cases.queries import visible_cases
    from doorbraak.proposals.queries import visible_requests

    cases = list(visible_cases(user).order_by("-pk").values_list("pk", flat=True)[:10])
    asked = list(inbox(user).values_list("pk", flat=True)[:5])
    own = list(visible_requests(user).order_by("-pk").values_list("pk", flat=True)[:5])
    from bench.web import FIXED_PAGES

    paths = list(FIXED_PAGES)
    paths += [f"/casussen/{pk}/" for pk in cases]
    paths += [f"/stemmen/{pk}/" for pk in asked] + [f"/voorstellen/{pk}/" for pk in own]
    paths += ["/bench/bare/"]
    return paths


def timed(captured: list[float]):
    def wrapper(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            captured.append(time.perf_counter() - start)

    return wrapper


def group_of(filename: str) -> str:
    name = filename.replace("\\", "/")
    for marker, label in GROUPS:
        if marker in name:
            return label
    return "other (stdlib, C, ...)"


def by_group(profile: cProfile.Profile) -> dict[str, float]:
    stats = pstats.Stats(profile, stream=io.StringIO())
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        totals[group_of(filename)] += tottime
    return totals


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--user", default="bench-worker")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--only", help="only paths containing this text")
    parser.add_argument(
        "--path",
        action="append",
        help="time these paths instead of the mix (repeatable), e.g. "
        "--user bench-manager --path /cijfers/ --path /cijfers/jaarverslag/2025.pdf",
    )
    args = parser.parse_args()
    setup()
    from django.db import connection
    from django.test import Client

    from doorbraak.accounts.models import User

    user = User.objects.get(username=args.user)
    client = Client()
    client.force_login(user)
    paths = [*args.path, "/bench/bare/"] if args.path else paths_of(user)
    if args.only:
        paths = [p for p in paths if args.only in p]
    rows = []
    for path in paths:
        captured: list[float] = []
        with connection.execute_wrapper(timed(captured)):
            response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path}: HTTP {response.status_code}")
        sql_ms = sum(captured) * 1000
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        rows.append((path, statistics.median(times), len(captured), sql_ms))
    print(f"{'page':40} {'median ms':>10} {'queries':>8} {'sql ms':>7}")
    for path, median, queries, sql_ms in rows:
        print(f"{path:40} {median:10.2f} {queries:8d} {sql_ms:7.2f}")
    pages = [r for r in rows if r[0] != "/bench/bare/"]
    print(f"{'mean of the mix':40} {statistics.mean(r[1] for r in pages):10.2f}")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(5):
            for path in paths:
                client.get(path)
        profile.disable()
        totals = by_group(profile)
        whole = sum(totals.values())
        print("\nwhere the time goes (cProfile, own time per library)")
        for label, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
            print(f"  {label:42} {100 * seconds / whole:5.1f} %")
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())


if __name__ == "__main__":
    main()
