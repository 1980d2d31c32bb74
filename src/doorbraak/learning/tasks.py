"""Background jobs of system learning. Finding the pattern of a new blocker or signal compares
it with every similar item of its organisation (learning/matching.py): at national scale that
is hundreds of milliseconds (docs/benchmarks.md), too long to keep a professional waiting
after "Knelpunt vastleggen". With a broker (`DOORBRAAK_REDIS_URL`) the match runs in a worker
after the write has committed; without one (the embedded `make run`, the suite) at once, in
the same transaction, as before. Both tasks are idempotent: an item already in a pattern
stays there, so a retried or repeated task changes nothing. An item whose task was lost is
picked up by `doorbraak recompute_patterns`."""

from celery import current_app, shared_task
from django.db import transaction

from . import matching


@shared_task(name="doorbraak.learning.tasks.match_blocker")
def match_blocker(blocker_id: int) -> int | None:
    pattern = matching.pattern_match_blocker(blocker_id)
    return pattern.pk if pattern else None


@shared_task(name="doorbraak.learning.tasks.match_signal")
def match_signal(signal_id: int) -> int | None:
    pattern = matching.pattern_match_signal(signal_id)
    return pattern.pk if pattern else None


def _soon(task, pk: int) -> None:
    if current_app.conf.task_always_eager:
        task(pk)
    else:
        transaction.on_commit(lambda: task.delay(pk))


def match_blocker_soon(blocker_id: int) -> None:
    """Called explicitly by cases.services.blocker_add (no Django signal)."""
    _soon(match_blocker, blocker_id)


def match_signal_soon(signal_id: int) -> None:
    """Called explicitly by learning.services.signal_record."""
    _soon(match_signal, signal_id)
