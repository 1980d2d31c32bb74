"""The beat scheduler (doorbraak/schedule/beat.py): interval entries on the grid, the slot in
each message's header, the stored entry unchanged. No broker: the task's apply_async is
replaced by a recorder."""

from datetime import UTC, datetime, timedelta

import pytest
from celery import Celery
from celery.schedules import crontab

from doorbraak.schedule import beat, slots


@pytest.fixture
def scheduler(tmp_path, monkeypatch):
    test_app = Celery("beat-test", set_as_current=False)
    test_app.conf.timezone = "Europe/Amsterdam"
    test_app.conf.beat_schedule = {
        "hourly": {"task": "t.hourly", "schedule": 3600.0},
        "daily": {"task": "t.daily", "schedule": crontab(hour=8, minute=5)},
    }
    sent = []
    made = beat.SlotScheduler(app=test_app, schedule_filename=str(tmp_path / "schedule"))
    # No task of these names is registered: the scheduler sends them by name.
    monkeypatch.setattr(
        made, "send_task", lambda name, args, kwargs, **options: sent.append((name, options))
    )
    made.sent = sent
    yield made
    made.close()


def test_an_interval_entry_runs_on_the_grid_and_crontab_stays(scheduler):
    assert isinstance(scheduler.schedule["hourly"].schedule, slots.aligned)
    assert type(scheduler.schedule["daily"].schedule) is crontab


@pytest.mark.parametrize("advance", [False, True])
def test_each_message_carries_its_slot_and_the_stored_entry_does_not(scheduler, advance):
    entry = scheduler.schedule["hourly"]
    entry.last_run_at = datetime.now(UTC) - timedelta(hours=1)
    scheduler.apply_async(entry, advance=advance)
    (name, options), *_ = scheduler.sent
    assert name == "t.hourly"
    slot = slots.parse(options["headers"][slots.SLOT_HEADER])
    assert slot == slots.grid_slot(datetime.now(UTC), 3600)
    assert options["headers"]["celery_beat_task"] is True
    stored = scheduler.schedule["hourly"]
    assert slots.SLOT_HEADER not in (stored.options.get("headers") or {})
    assert (stored.last_run_at > entry.last_run_at) is advance


def test_a_crontab_message_carries_the_time_it_names(scheduler):
    entry = scheduler.schedule["daily"]
    entry.last_run_at = datetime.now(UTC) - timedelta(days=1, minutes=1)
    scheduler.apply_async(entry, advance=False)
    (_, options), *_ = scheduler.sent
    slot = slots.parse(options["headers"][slots.SLOT_HEADER])
    assert slot.astimezone(scheduler.app.timezone).strftime("%H:%M:%S") == "08:05:00"
    assert slot <= datetime.now(UTC)
