"""Time the access export and a retention run on a generated database.

    DATABASE_URL=postgres://.../avg_bench python -m bench.subjectrights --persons 20 \
        --log-rows 10000000 --due-share 0.2
    # more persons, each looked at daily for five and a half years, exports only:
    ... python -m bench.subjectrights --only export --persons 3 --first 100 \
        --step-minutes 1440 --log-rows 0 --rounds 3
    # the retention run alone (dry run, proposal, confirmed destruction, ledger check):
    ... python -m bench.subjectrights --only retention --due-share 0.05

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


def _bsns(first: int, count: int) -> list[str]:
    """The `first`-th to the (first + count - 1)-th synthetic BSN passing the 11-check from
    900000000 on, in one pass."""
    found, candidate, result = 0, 900_000_000, []
    while len(result) < count:
        digits = [int(c) for c in f"{candidate:09d}"]
        if sum(d * w for d, w in zip(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1], strict=True)) % 11 == 0:
            if found >= first:
                result.append(f"{candidate:09d}")
            found += 1
        candidate += 1
    return result


def prepare(
    persons: int, log_rows: int, per_person: int, seed: int, first: int = 0, step: int = 1
) -> list[str]:
    """BSNs for `persons` main residents of households with a request, `per_person` log
    records each (with audit records) `step` minutes apart (1440: a person looked at every
    day, for years), and `log_rows` other processing and audit records. `first` numbers the
    BSNs and traces, so a second run adds other persons."""
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
    for pk, bsn in zip(chosen, _bsns(50_000 + first, persons), strict=True):
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
            "data_subject, data_subject_type, started_at, ended_at, outcome, key_version, "
            "prev_hash, hash) "
            "SELECT md5(g::text), substr(md5(g::text), 1, 16), '', 'casus-raadplegen', "
            "md5('x' || g::text) || md5('y' || g::text), 'pseudoniem', "
            "now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval, 'ok', 1, "
            "'', '' "
            "FROM generate_series(1, %s) g",
            [log_rows],
        )
        cursor.execute(
            "INSERT INTO privacy_auditrecord (trace_id, span_id, timestamp, actor_label, action, "
            "activity, object_type, object_id, result, origin, subject_count, prev_hash, hash) "
            "SELECT md5(g::text), substr(md5(g::text), 1, 16), "
            "now() - (g || ' seconds')::interval, 'bench-worker', 'read', 'casus-raadplegen', "
            "'case', g::text, 'ok', 'web', 1, '', '' "
            "FROM generate_series(1, %s) g",
            [log_rows],
        )
        for i, subject in enumerate(subjects):
            cursor.execute(
                "WITH t AS (SELECT md5(%s || g::text) AS trace, g "
                "FROM generate_series(1, %s) g), "
                "a AS (INSERT INTO privacy_auditrecord (trace_id, span_id, timestamp, actor_label, "
                "action, activity, object_type, object_id, result, origin, subject_count, "
                "prev_hash, hash) "
                "SELECT trace, substr(trace, 1, 16), now() - (g * %s || ' minutes')::interval, "
                "'bench-worker', 'read', 'casus-raadplegen', 'case', '1', 'ok', 'web', 1, '', '' "
                "FROM t) "
                "INSERT INTO privacy_processingrecord (trace_id, span_id, parent_span_id, "
                "activity, data_subject, data_subject_type, started_at, ended_at, outcome, "
                "key_version, prev_hash, hash) "
                "SELECT trace, substr(trace, 1, 16), '', 'casus-raadplegen', %s, 'pseudoniem', "
                "now() - (g * %s || ' minutes')::interval, "
                "now() - (g * %s || ' minutes')::interval, 'ok', 1, '', '' FROM t",
                [f"p{first + i}-", per_person, step, subject, step, step],
            )
        cursor.execute("ANALYZE privacy_processingrecord; ANALYZE privacy_auditrecord")
    return bsns


def _timed(fn):
    """(result, wall seconds, process CPU seconds) of fn()."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def time_exports(bsns: list[str], rounds: int = 1) -> dict:
    """Per person: BSN lookup + gather + JSON, then the PDF, `rounds` times; wall and process
    CPU (the database's own time is in the wall only). The first PDF of the process also
    loads WeasyPrint and the fonts: reported apart."""
    from doorbraak.accounts.models import User
    from doorbraak.subjectrights import export, retention, services

    actor = User.objects.filter(role="beheerder").first() or User.objects.first()
    actor.role = "beheerder"
    origin = retention.command_origin(actor)
    # (An export module without the per-process style: the code before it, for comparison.)
    load = getattr(export, "_pdf_style", None) or (lambda: __import__("weasyprint"))
    _ignored, first_wall, first_cpu = _timed(load)
    times: dict[str, list[float]] = {k: [] for k in ("json", "json_cpu", "pdf", "pdf_cpu")}
    records, processing, pdf_bytes = [], [], []
    for _round in range(rounds):
        for bsn in bsns:

            def gather(bsn=bsn):
                members = services.find_person(actor=actor, origin=origin, bsn=bsn)
                data = services.access_export(
                    actor=actor, origin=origin, members=members, fmt="json"
                )
                export.as_json(data)
                return members, data

            (members, data), wall, cpu = _timed(gather)
            times["json"].append(wall)
            times["json_cpu"].append(cpu)
            records.append(sum(len(s["records"]) for s in data["sections"].values()))
            processing.append(len(data["sections"]["processing"]["records"]))
            pdf, wall, cpu = _timed(
                lambda data=data, members=members: export.as_pdf(data, person_label=str(members[0]))
            )
            times["pdf"].append(wall)
            times["pdf_cpu"].append(cpu)
            pdf_bytes.append(len(pdf))
    result = {
        "weasyprint_load_s": round(first_wall, 2),
        "weasyprint_load_cpu_s": round(first_cpu, 2),
    }
    for key, values in times.items():
        result[f"{key}_median_s"] = round(statistics.median(values), 2)
        result[f"{key}_max_s"] = round(max(values), 2)
    result |= {
        "records_median": statistics.median(records),
        "records_max": max(records),
        "processing_records_max": max(processing),
        "pdf_kib_max": max(pdf_bytes) // 1024,
    }
    return result


def _ledger_state() -> tuple[dict, int]:
    """Per fund (stored balances, balances replayed from the entries), and the number of
    ledger transactions whose entries do not sum to zero."""
    from django.db import connection

    from doorbraak.funds import ledger
    from doorbraak.funds.models import Fund

    state = {
        pk: (ledger.balances(pk), ledger.replayed_balances(pk))
        for pk in Fund.objects.order_by("pk").values_list("pk", flat=True)
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM (SELECT transaction_id FROM funds_ledgerentry "
            "GROUP BY transaction_id HAVING sum(amount_cents) <> 0) unbalanced"
        )
        return state, cursor.fetchone()[0]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_retention(due_share: float, seed: int, trace_memory: bool = False) -> dict:
    """Close a share of the households' cases 11 years ago, then time the dry run (counts
    per kind), the proposal and the confirmed destruction (wall and process CPU; peak RSS of
    the process; Python's own peak with --tracemalloc, which slows Python down), and check
    that the ledger is as balanced after as before."""
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
        cursor.execute("SELECT count(*) FROM cases_case")
        cases = cursor.fetchone()[0]
    users = list(User.objects.order_by("pk")[:2])
    for u in users:
        u.role = "beheerder"
        u.is_active = True
        u.save(update_fields=["role", "is_active"])
    ledger_before, unbalanced_before = _ledger_state()
    rss_start = _rss_mib()
    if trace_memory:
        tracemalloc.start()
    counts, dry, dry_cpu = _timed(retention.due_counts)
    rss_dry = _rss_mib()
    proposal, propose_s, propose_cpu = _timed(
        lambda: retention.propose(
            actor=users[0], origin=retention.command_origin(users[0]), kind=retention.SOCIAL
        )
    )
    done, confirm_s, confirm_cpu = _timed(
        lambda: retention.confirm(
            actor=users[1],
            origin=retention.command_origin(users[1]),
            proposal=DestructionProposal.objects.get(pk=proposal.pk),
        )
    )
    python_peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace_memory else None
    if trace_memory:
        tracemalloc.stop()
    ledger_after, unbalanced_after = _ledger_state()
    return {
        "cases": cases,
        "due": counts,
        "dry_run_s": round(dry, 2),
        "dry_run_cpu_s": round(dry_cpu, 2),
        "propose_s": round(propose_s, 2),
        "propose_cpu_s": round(propose_cpu, 2),
        "confirm_s": round(confirm_s, 2),
        "confirm_cpu_s": round(confirm_cpu, 2),
        "destroyed": done.counts,
        "rss_before_mib": round(rss_start, 1),
        "peak_rss_after_dry_run_mib": round(rss_dry, 1),
        "peak_rss_mib": round(_rss_mib(), 1),
        "python_peak_mib": round(python_peak, 1) if python_peak is not None else None,
        "ledger_unchanged": ledger_after == ledger_before,
        "ledger_replays": all(stored == replayed for stored, replayed in ledger_after.values()),
        "unbalanced_transactions_before_after": (unbalanced_before, unbalanced_after),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=20)
    parser.add_argument("--log-rows", type=int, default=1_000_000)
    parser.add_argument("--per-person", type=int, default=2_000)
    parser.add_argument("--due-share", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="number of the first person")
    parser.add_argument("--step-minutes", type=int, default=1, help="between a person's records")
    parser.add_argument("--rounds", type=int, default=1, help="exports per person")
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument("--tracemalloc", action="store_true", help="Python's peak (slower)")
    parser.add_argument("--only", choices=["export", "retention"], default=None)
    args = parser.parse_args()
    _setup()
    from django.db import connection

    if args.only != "retention":
        start = time.perf_counter()
        bsns = (
            _bsns(50_000 + args.first, args.persons)
            if args.skip_prepare
            else prepare(
                args.persons,
                args.log_rows,
                args.per_person,
                args.seed,
                first=args.first,
                step=args.step_minutes,
            )
        )
        print(f"prepare {time.perf_counter() - start:.1f}s")
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM privacy_processingrecord")
            print("processing records", cursor.fetchone()[0])
        print("export", time_exports(bsns, rounds=args.rounds))
    if args.only != "export":
        print("retention", time_retention(args.due_share, args.seed, args.tracemalloc))


if __name__ == "__main__":
    main()
