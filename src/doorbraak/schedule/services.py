"""The claim that makes a scheduled task run once per slot, and the scale test's probe.

`run_in_slot` is called by `jobs.celery_app.TracedTask` for a task declared with
`@shared_task(..., once_per_slot=True)`. With a slot in the message (beat.SlotScheduler sent
it), the task's work runs inside one transaction that first inserts its TaskRun under the
unique constraint on (task, done slot):

- the slot is free: the row is inserted, the work runs, both commit together;
- the slot is done: the insert fails, the work is not done, a `skipped` row says so (a late
  acknowledgement after a worker was killed, or a second beat, delivered it again);
- another worker is running the slot now (PostgreSQL): the insert waits on the unique index
  until that transaction ends, then fails (it committed) or goes ahead (it rolled back);
- the work raises, or the worker dies: everything rolls back, no claim is left, and the
  redelivered message (acks_late, reject_on_worker_lost, the broker's visibility timeout)
  does the work. A raised error is written as a `failed` row in a transaction of its own.

Without a slot (a task sent by hand, the embedded setup, the suite's `.delay()`) the task runs
as before, unclaimed: its work is idempotent in itself (README, Background jobs).
"""

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from doorbraak.privacy import tracecontext

from . import slots
from .models import TaskRun, Tick

logger = logging.getLogger("doorbraak.schedule")


def _header(request, name: str):
    value = getattr(request, name, None)
    return value if value is not None else (getattr(request, "headers", None) or {}).get(name)


def run_in_slot(task, work: Callable[[], Any]) -> Any:
    """Run `work` (the task's body) once for the slot in the task's message, if it has one."""
    request = task.request
    slot = slots.parse(_header(request, slots.SLOT_HEADER))
    if slot is None:
        if _header(request, "celery_beat_task"):
            logger.warning(
                "%s came from beat without a slot: is CELERY_BEAT_SCHEDULER Doorbraak's "
                "(doorbraak.schedule.beat:SlotScheduler)? Ran it unclaimed.",
                task.name,
            )
        return work()
    delivery = getattr(request, "delivery_info", None) or {}
    return run_once(
        name=task.name,
        slot=slot,
        work=work,
        message_id=request.id or "",
        worker=request.hostname or "",
        redelivered=bool(delivery.get("redelivered") or _header(request, "redelivered")),
    )


def run_once(
    *,
    name: str,
    slot: datetime,
    work: Callable[[], Any],
    message_id: str = "",
    worker: str = "",
    redelivered: bool = False,
) -> Any:
    """Claim (name, slot) and do `work` in one transaction; None when the slot was done."""
    trace = tracecontext.current()
    row = {
        "name": name,
        "slot": slot,
        "trace_id": trace.trace_id if trace else "",
        "message_id": message_id[:64],
        "worker": worker[:200],
        "redelivered": redelivered,
    }
    started = timezone.now()
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    run = TaskRun.objects.create(
                        status=TaskRun.Status.DONE, started_at=started, **row
                    )
            except IntegrityError:
                TaskRun.objects.create(
                    status=TaskRun.Status.SKIPPED,
                    started_at=started,
                    finished_at=timezone.now(),
                    **row,
                )
                logger.info("%s: slot %s was done already; not run again", name, slot)
                return None
            result = work()
            run.finished_at = timezone.now()
            run.result = "" if result is None else str(result)[:200]
            run.save(update_fields=["finished_at", "result"])
            return result
    except Exception as error:
        _failed(row, started, error)
        raise


def _failed(row: dict, started: datetime, error: Exception) -> None:
    """A `failed` row for an attempt that raised (its class, never its message: that may
    quote data). Best effort: with the database gone this fails too, and the log says it."""
    try:
        with transaction.atomic():
            TaskRun.objects.create(
                status=TaskRun.Status.FAILED,
                started_at=started,
                finished_at=timezone.now(),
                result=type(error).__name__[:200],
                **row,
            )
    except Exception:
        logger.exception("%s: could not record the failed run of slot %s", row["name"], row["slot"])


def tick(*, hold: float = 0.0, name: str = "tick") -> int:
    """Add one to the counter `name` and keep the transaction open `hold` seconds (so that a
    worker killed during the scale test is likely to be in the middle of one). Returns the
    new count."""
    with transaction.atomic():
        Tick.objects.get_or_create(name=name)
        Tick.objects.filter(name=name).update(count=F("count") + 1)
        if hold:
            time.sleep(hold)
        return Tick.objects.values_list("count", flat=True).get(name=name)


#: How long the runs of scheduled tasks are kept: far longer than any redelivery can come late
#: (the broker's visibility timeout, minutes), long enough to look back on a quarter.
KEEP_RUNS_DAYS = 90


def task_runs_forget(now: datetime | None = None, keep_days: int = KEEP_RUNS_DAYS) -> int:
    """Delete the runs whose slot lies more than `keep_days` ago (a task every minute makes
    half a million rows a year otherwise). Returns how many were deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=keep_days)
    deleted, _ = TaskRun.objects.filter(slot__lt=cutoff).delete()
    return deleted
