"""The dashboards' own costs (issue 15) in one process: the wall time AND the process CPU time
of each dashboard path (median of several requests through Django's full handler), its
queries, and the refresh of the summary tables after one decision (`summary.requests_changed`
on one request, median over requests of the municipality). CPU time is reported because this
machine is shared: wall time moves with the load of others, the process's CPU time much less
(the database's own time is in the wall time only; `sql ms` is the time spent waiting on it).

    DATABASE_URL=postgres://…/reports_nt nice -n 19 .venv/bin/python -m bench.reports \\
        --user bench-manager --path /cijfers/ --path /cijfers/jaarverslag/2025.pdf
"""

import argparse
import random
import statistics
import time

from bench.pages import setup, timed


def _median_run(fn, repeats: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def pages(username: str, paths: list[str], repeats: int) -> None:
    from django.db import connection
    from django.test import Client

    from doorbraak.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    print(f"{'page':44} {'wall ms':>9} {'cpu ms':>9} {'queries':>8} {'sql ms':>8}")
    for path in paths:
        captured: list[float] = []
        with connection.execute_wrapper(timed(captured)):
            response = client.get(path)  # warms up (WeasyPrint, fonts, caches)
        assert response.status_code == 200, (path, response.status_code)
        wall, cpu = _median_run(lambda p=path: client.get(p), repeats)
        print(f"{path:44} {wall:9.1f} {cpu:9.1f} {len(captured):8d} {sum(captured) * 1000:8.1f}")


def refresh(username: str, repeats: int, seed: int = 1) -> None:
    """`summary.requests_changed` on one request of the user's municipality, `repeats` times
    (different requests), each in its own transaction as a service would."""
    from django.db import transaction

    from doorbraak.accounts.models import User
    from doorbraak.proposals.models import Request
    from doorbraak.reports import queries, summary

    scope = queries.scope_of(User.objects.get(username=username))
    ids = list(
        Request.objects.filter(case__team_id__in=scope.teams)
        .order_by("-pk")
        .values_list("pk", flat=True)[:5000]
    )
    chosen = iter(random.Random(seed).sample(ids, repeats + 1))

    def once():
        with transaction.atomic():
            summary.requests_changed([next(chosen)])

    once()  # warm up
    wall, cpu = _median_run(once, repeats)
    print(f"{'refresh after one decision':44} {wall:9.1f} {cpu:9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", default="bench-manager")
    parser.add_argument("--path", action="append", default=[])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--refreshes", type=int, default=20)
    args = parser.parse_args()
    setup()
    pages(args.user, args.path, args.repeats)
    if args.refreshes:
        refresh(args.user, args.refreshes)


if __name__ == "__main__":
    main()
