"""Micro-benchmark of the processing-log write (`privacy.services.log_processing`), the write
every page view makes: calls per second and per-call latency, one writer and several at once
(each thread its own connection, autocommit, as a web worker). Used for decision 0013 (the hash
chain); run it on the code before and after a change, each against its own migrated database:

    DATABASE_URL=postgres://…/doorbraak_bench_log .venv/bin/python -m bench.log_chain \
        --calls 3000 --subjects 3 --threads 1 4 16

The records it writes stay in the database (the log is append-only)."""

import argparse
import os
import statistics
import sys
import threading
import time
import uuid


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django  # noqa: PLC0415

    django.setup()


def _one_writer(calls: int, subjects: int, latencies: list, barrier) -> None:
    from django.db import connection  # noqa: PLC0415

    from doorbraak.privacy.activities import Activity  # noqa: PLC0415
    from doorbraak.privacy.services import Origin, log_processing  # noqa: PLC0415

    origin = Origin("a" * 32, "b" * 16, "", None, "bench 127.0.0.1")
    people = [uuid.uuid4() for _ in range(subjects)]
    connection.ensure_connection()
    barrier.wait()
    for _ in range(calls):
        start = time.perf_counter()
        log_processing(
            origin,
            activity=Activity.CASE_VIEW,
            action="read",
            object_type="case",
            object_id=1,
            subject_ids=people,
        )
        latencies.append(time.perf_counter() - start)
    connection.close()


def run(calls: int, subjects: int, threads: int) -> dict:
    latencies: list[float] = []
    barrier = threading.Barrier(threads + 1)
    workers = [
        threading.Thread(target=_one_writer, args=(calls // threads, subjects, latencies, barrier))
        for _ in range(threads)
    ]
    for w in workers:
        w.start()
    barrier.wait()
    start = time.perf_counter()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "threads": threads,
        "calls_per_s": len(latencies) / elapsed,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95)] * 1000,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--subjects", type=int, default=3)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    _setup()
    run(200, args.subjects, 1)  # warm up: connection, prepared statements
    for threads in args.threads:
        results = [run(args.calls, args.subjects, threads) for _ in range(args.repeat)]
        rates = sorted(r["calls_per_s"] for r in results)
        med = sorted(results, key=lambda r: r["calls_per_s"])[len(results) // 2]
        sys.stdout.write(
            f"threads {threads:>2}: {statistics.median(rates):8.0f} calls/s "
            f"(min {rates[0]:.0f}, max {rates[-1]:.0f}); per call median "
            f"{med['median_ms']:.3f} ms, p95 {med['p95_ms']:.3f} ms\n"
        )


if __name__ == "__main__":
    main()
