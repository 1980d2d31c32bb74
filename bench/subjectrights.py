"""Time the access export and a retention run on a generated database.

    DATABASE_URL=postgres://.../avg_bench python -m bench.subjectrights --persons 20 \
        --log-rows 10000000 --due-share 0.2

Writes into the database it is given (BSNs for some members, synthetic processing-log rows,
old closure dates): never point it at a shared benchmark database."""

import argparse
import os
import random
import resource
import statistics
import time
import tracemalloc


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()


def _bsn(n: int) -> str:
    candidate, found = 900_000_000, 0
    while True:
        digits = [int(c) for c in f"{candidate:09d}"]
        if sum(d * w for d, w in zip(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1], strict=True)) % 11 == 0:
            if found == n:
                return f"{candidate:09d}"
            found += 1
        candidate += 1


def prepare(persons: int, log_rows: int, per_person: int, seed: int) -> list[str]:
    """BSNs for `persons` main residents of households with a request, `per_person` log
    records each (with audit records), and `log_rows` other processing records."""
    from django.conf import settings
    from django.db import connection

    from doorbraak.cases.models import Member
    from doorbraak.privacy import keyed_hash
    from doorbraak.privacy.services import subject_pseudonym

    rng = random.Random(seed)
    key = settings.FIELD_ENCRYPTION_KEY
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.id FROM cases_member m JOIN cases_case c ON c.household_id = m.household_id "
            "JOIN proposals_request r ON r.case_id = c.id WHERE m.household_role = 'hoofdbewoner' "
            "GROUP BY m.id ORDER BY m.id LIMIT 20000"
        )
        ids = [row[0] for row in cursor.fetchall()]
    chosen = rng.sample(ids, persons)
    bsns = []
    for n, pk in enumerate(chosen):
        bsn = _bsn(50_000 + n)
        Member.objects.filter(pk=pk).update(
            bsn_encrypted=keyed_hash.encrypt(key, bsn), bsn_index=keyed_hash.blind_index(key, bsn)
        )
        bsns.append(bsn)
    subjects = [
        subject_pseudonym(s)
        for s in Member.objects.filter(pk__in=chosen).values_list("subject_id", flat=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO privacy_processingrecord (trace_id, span_id, parent_span_id, activity, "
            "data_subject, data_subject_type, started_at, ended_at, outcome) "
            "SELECT md5(g::text), substr(md5(g::text), 1, 16), '', 'casus-raadplegen', "
            "md5('x' || g::text) || md5('y' || g::text), 'pseudoniem', "
            "now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval, 'ok' "
            "FROM generate_series(1, %s) g",
            [log_rows],
        )
        for i, subject in enumerate(subjects):
            cursor.execute(
                "WITH t AS (SELECT md5(%s || g::text) AS trace, g "
                "FROM generate_series(1, %s) g), "
                "a AS (INSERT INTO privacy_auditrecord (trace_id, span_id, timestamp, actor_label, "
                "action, activity, object_type, object_id, result, origin, subject_count) "
                "SELECT trace, substr(trace, 1, 16), now() - (g || ' minutes')::interval, "
                "'bench-worker', 'read', 'casus-raadplegen', 'case', '1', 'ok', 'web', 1 FROM t) "
                "INSERT INTO privacy_processingrecord (trace_id, span_id, parent_span_id, "
                "activity, data_subject, data_subject_type, started_at, ended_at, outcome) "
                "SELECT trace, substr(trace, 1, 16), '', 'casus-raadplegen', %s, 'pseudoniem', "
                "now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, 'ok' "
                "FROM t",
                [f"p{i}-", per_person, subject],
            )
        cursor.execute("ANALYZE privacy_processingrecord; ANALYZE privacy_auditrecord")
    return bsns


def time_exports(bsns: list[str]) -> dict:
    from doorbraak.accounts.models import User
    from doorbraak.subjectrights import export, retention, services

    actor = User.objects.filter(role="beheerder").first() or User.objects.first()
    actor.role = "beheerder"
    origin = retention.command_origin(actor)
    json_times, pdf_times, records = [], [], []
    for bsn in bsns:
        start = time.perf_counter()
        members = services.find_person(actor=actor, origin=origin, bsn=bsn)
        data = services.access_export(actor=actor, origin=origin, members=members, fmt="json")
        export.as_json(data)
        json_times.append(time.perf_counter() - start)
        records.append(sum(len(s["records"]) for s in data["sections"].values()))
        start = time.perf_counter()
        export.as_pdf(data, person_label=str(members[0]))
        pdf_times.append(time.perf_counter() - start)
    return {
        "json_median_s": statistics.median(json_times),
        "json_max_s": max(json_times),
        "pdf_median_s": statistics.median(pdf_times),
        "pdf_max_s": max(pdf_times),
        "records_median": statistics.median(records),
        "records_max": max(records),
    }


def time_retention(due_share: float, seed: int) -> dict:
    from django.db import connection

    from doorbraak.accounts.models import User
    from doorbraak.subjectrights import retention
    from doorbraak.subjectrights.models import DestructionProposal

    with connection.cursor() as cursor:
        # Close a share of the households' cases long ago (all cases of a household together).
        cursor.execute(
            "UPDATE cases_case SET status = 'gesloten', closed_at = now() - interval '11 years' "
            "WHERE household_id IN (SELECT id FROM cases_household "
            "WHERE abs(hashtext(id::text || %s)) %% 1000 < %s)",
            [str(seed), int(due_share * 1000)],
        )
    users = list(User.objects.order_by("pk")[:2])
    for u in users:
        u.role = "beheerder"
        u.is_active = True
        u.save(update_fields=["role", "is_active"])
    tracemalloc.start()
    start = time.perf_counter()
    counts = retention.due_counts()
    dry = time.perf_counter() - start
    _, dry_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    start = time.perf_counter()
    proposal = retention.propose(
        actor=users[0], origin=retention.command_origin(users[0]), kind=retention.SOCIAL
    )
    propose_s = time.perf_counter() - start
    start = time.perf_counter()
    done = retention.confirm(
        actor=users[1],
        origin=retention.command_origin(users[1]),
        proposal=DestructionProposal.objects.get(pk=proposal.pk),
    )
    confirm_s = time.perf_counter() - start
    _, run_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "due": counts,
        "dry_run_s": dry,
        "dry_run_peak_mib": dry_peak / 2**20,
        "propose_s": propose_s,
        "confirm_s": confirm_s,
        "destroyed": done.counts,
        "python_peak_mib": run_peak / 2**20,
        "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=20)
    parser.add_argument("--log-rows", type=int, default=1_000_000)
    parser.add_argument("--per-person", type=int, default=2_000)
    parser.add_argument("--due-share", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument("--only", choices=["export", "retention"], default=None)
    args = parser.parse_args()
    _setup()
    from django.db import connection

    if args.only != "retention":
        start = time.perf_counter()
        bsns = (
            [_bsn(50_000 + n) for n in range(args.persons)]
            if args.skip_prepare
            else prepare(args.persons, args.log_rows, args.per_person, args.seed)
        )
        print(f"prepare {time.perf_counter() - start:.1f}s")
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM privacy_processingrecord")
            print("processing records", cursor.fetchone()[0])
        print("export", time_exports(bsns))
    if args.only != "export":
        print("retention", time_retention(args.due_share, args.seed))


if __name__ == "__main__":
    main()
