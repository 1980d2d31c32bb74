"""Exactly once per slot (doorbraak/schedule/services.py): a duplicate delivery does nothing,
a failed run leaves no claim, concurrent deliveries give one winner (PostgreSQL), and every
task beat schedules is claimed so."""

import logging
import threading
import time
from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import override_settings

from doorbraak.approvals import tasks as approval_tasks
from doorbraak.health import metrics
from doorbraak.jobs import app
from doorbraak.schedule import checks, services, slots
from doorbraak.schedule.models import TaskRun, Tick
from doorbraak.schedule.tasks import tick

SLOT = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
Status = TaskRun.Status


def beat_headers(slot: datetime = SLOT) -> dict:
    """The headers beat.SlotScheduler sends a task with."""
    return {slots.SLOT_HEADER: slot.isoformat(), "celery_beat_task": True}


def count(name: str = "tick") -> int:
    return Tick.objects.filter(name=name).values_list("count", flat=True).first() or 0


@app.task(name="tests.schedule.flaky", once_per_slot=True)
def flaky(fail: bool) -> int:
    """Counts, then fails when asked: the count must be rolled back with the claim."""
    services.tick(name="flaky")
    if fail:
        raise RuntimeError("kapot (test)")
    return count("flaky")


@pytest.mark.django_db
def test_a_slot_delivered_twice_is_worked_once():
    assert tick.apply(headers=beat_headers()).get() == 1
    assert tick.apply(headers=beat_headers()).get() is None  # the late-acked duplicate
    assert count() == 1
    runs = TaskRun.objects.filter(name=tick.name, slot=SLOT)
    assert sorted(runs.values_list("status", flat=True)) == [Status.SKIPPED, Status.DONE]
    done = runs.get(status=Status.DONE)
    assert done.result == "1" and done.finished_at >= done.started_at
    assert len(done.trace_id) == 32 and done.message_id and done.worker


@pytest.mark.django_db
def test_the_next_slot_runs_again():
    tick.apply(headers=beat_headers())
    tick.apply(headers=beat_headers(SLOT.replace(hour=8)))
    assert count() == 2
    assert TaskRun.objects.filter(name=tick.name, status=Status.DONE).count() == 2


@pytest.mark.django_db
def test_a_run_that_raises_leaves_no_claim_and_the_redelivery_works():
    with pytest.raises(RuntimeError):
        flaky.apply(args=[True], headers=beat_headers())
    assert count("flaky") == 0  # its work rolled back with the claim
    failed = TaskRun.objects.get(name=flaky.name)
    assert failed.status == Status.FAILED and failed.result == "RuntimeError"
    assert "kapot" not in failed.result  # the class only: a message may quote data
    assert flaky.apply(args=[False], headers=beat_headers()).get() == 1
    assert TaskRun.objects.get(name=flaky.name, status=Status.DONE).result == "1"


@pytest.mark.django_db
def test_without_a_slot_a_task_runs_unclaimed_as_before(caplog):
    assert tick.apply().get() == 1
    assert tick.delay().get() == 2  # sent by hand: no slot, no claim
    assert not TaskRun.objects.exists()
    with caplog.at_level(logging.WARNING, logger="doorbraak.schedule"):
        tick.apply(headers={"celery_beat_task": True})  # beat without Doorbraak's scheduler
    assert "without a slot" in caplog.text and count() == 3


@pytest.mark.django_db
def test_a_scheduled_task_of_an_app_is_claimed_and_shows_in_the_metrics():
    assert approval_tasks.flag_overdue.apply(headers=beat_headers()).get() == 0
    assert approval_tasks.flag_overdue.apply(headers=beat_headers()).get() is None
    done = TaskRun.objects.get(name=approval_tasks.flag_overdue.name, status=Status.DONE)
    text = metrics.render().decode()
    line = (
        "doorbraak_scheduled_task_last_success_timestamp_seconds"
        '{task="doorbraak.approvals.tasks.flag_overdue"} '
    )
    value = next(row for row in text.splitlines() if row.startswith(line)).split()[-1]
    assert float(value) == pytest.approx(done.finished_at.timestamp())
    assert 'task="doorbraak.schedule.tasks.tick"' not in text  # not in the beat schedule


def test_every_task_beat_schedules_is_claimed_once_per_slot():
    assert checks.scheduled_tasks_run_once() == []
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert app.tasks[entry["task"]].once_per_slot, entry["task"]


def test_the_check_names_a_scheduled_task_that_is_not_claimed():
    schedule = {
        **settings.CELERY_BEAT_SCHEDULE,
        "render": {"task": "doorbraak.documents.tasks.render_document", "schedule": 60.0},
        "again": {"task": "doorbraak.approvals.tasks.flag_overdue", "schedule": 60.0},
        "typo": {"task": "doorbraak.approvals.tasks.flag_overdeu", "schedule": 60.0},
    }
    with override_settings(CELERY_BEAT_SCHEDULE=schedule):
        ids = sorted(problem.id for problem in checks.scheduled_tasks_run_once())
    assert ids == ["schedule.E001", "schedule.E002", "schedule.E003"]


def test_the_visibility_timeout_must_outlast_a_task():
    redis = {"CELERY_BROKER_URL": "redis://127.0.0.1:6379/0", "CELERY_TASK_TIME_LIMIT": 600}
    with override_settings(**redis, CELERY_BROKER_TRANSPORT_OPTIONS={"visibility_timeout": 300}):
        assert [w.id for w in checks.visibility_timeout_covers_a_task()] == ["schedule.W001"]
    with override_settings(**redis, CELERY_BROKER_TRANSPORT_OPTIONS={"visibility_timeout": 1200}):
        assert checks.visibility_timeout_covers_a_task() == []
    assert settings.BROKER_VISIBILITY_TIMEOUT > settings.CELERY_TASK_TIME_LIMIT  # the default
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST


# --- concurrent deliveries: two workers take one slot at the same moment (PostgreSQL) -------


def _waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # else one snapshot per transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        return cursor.fetchone()[0] > 0


def _deliver(results, name, claimed, fail=False):
    """One delivery of the slot in a thread of its own (its own connection). The first
    holds its claim until the second is seen waiting for it on the unique index."""
    try:
        if name != "d0":
            claimed.wait(30)

        def work():
            value = services.tick(name="race")
            claimed.set()
            deadline = time.monotonic() + (20 if name == "d0" else 0)
            while time.monotonic() < deadline and not _waiting_on_a_lock():
                time.sleep(0.05)
            if name == "d0":
                results["d1 waited on the claim"] = _waiting_on_a_lock()
            if fail:
                raise RuntimeError("kapot (test)")
            return value

        try:
            results[name] = services.run_once(name="tests.race", slot=SLOT, work=work)
        except RuntimeError:
            results[name] = "raised"
    finally:
        connections.close_all()


def _race(*fails):
    claimed = threading.Event()
    results = {}
    threads = [
        threading.Thread(target=_deliver, args=(results, f"d{i}", claimed, fail))
        for i, fail in enumerate(fails)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_deliveries_of_one_slot_have_one_winner():
    assert connection.vendor == "postgresql"
    results = _race(False, False)
    assert results == {"d0": 1, "d1": None, "d1 waited on the claim": True}
    assert count("race") == 1
    statuses = TaskRun.objects.filter(name="tests.race").values_list("status", flat=True)
    assert sorted(statuses) == [Status.SKIPPED, Status.DONE]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_delivery_waiting_on_a_run_that_fails_does_the_work():
    """The second delivery waits on the unique index; the first rolls back (its worker
    failed), so the second's claim goes ahead: the slot is worked once, not zero times."""
    results = _race(True, False)
    assert results == {"d0": "raised", "d1": 1, "d1 waited on the claim": True}
    assert count("race") == 1
    statuses = TaskRun.objects.filter(name="tests.race").values_list("status", flat=True)
    assert sorted(statuses) == [Status.FAILED, Status.DONE]
