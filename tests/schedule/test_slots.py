"""The slot of a scheduled run (doorbraak/schedule/slots.py): pure, no database."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from celery.schedules import crontab
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.jobs import app
from doorbraak.schedule import slots

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
)
periods = st.sampled_from([1.0, 2.0, 3.0, 5.0, 60.0, 3600.0, 86400.0])


def at(moment: datetime):
    return lambda: moment


@given(moments, periods)
def test_the_grid_slot_is_the_multiple_of_the_period_at_or_before(moment, period):
    slot = slots.grid_slot(moment, period)
    assert slot <= moment < slot + timedelta(seconds=period)
    assert slot.timestamp() % period == 0


@given(moments, periods, st.floats(min_value=0, max_value=0.999))
def test_an_aligned_entry_is_due_once_per_grid_point(moment, period, fraction):
    slot = slots.grid_slot(moment, period)
    sent_in_this_slot = slot + timedelta(seconds=period * fraction)
    schedule = slots.aligned(timedelta(seconds=period), nowfun=at(moment), app=app)
    due, wait = schedule.is_due(min(sent_in_this_slot, moment))
    assert not due  # sent for this grid point already
    assert 0 < wait <= period + 1e-6
    due, _ = schedule.is_due(slot - timedelta(seconds=period * (1 - fraction)))
    assert due  # the previous send was in the grid point before


@given(
    periods,
    st.lists(st.floats(min_value=0, max_value=0.9), min_size=5, max_size=60),
    moments,
)
def test_beat_late_by_less_than_a_period_sends_every_grid_point_once(period, lateness, start):
    """A beat waking up late (load, a slow tick) still sends each grid point exactly once,
    in order; celery's own interval would drift and now and then skip one."""
    sent = []
    last_run_at = start
    grid = slots.grid_slot(start, period)
    for late in lateness:
        grid += timedelta(seconds=period)
        now = grid + timedelta(seconds=period * late)
        schedule = slots.aligned(timedelta(seconds=period), nowfun=at(now), app=app)
        due, _ = schedule.is_due(last_run_at)
        assert due
        sent.append(slots.slot_for(schedule, last_run_at, now))
        last_run_at = now
        assert not schedule.is_due(last_run_at)[0]  # once
    expected = [
        slots.grid_slot(start, period) + timedelta(seconds=period * (i + 1))
        for i in range(len(lateness))
    ]
    assert sent == expected


def cron(**fields) -> crontab:
    return crontab(**fields, app=app)


def test_a_crontab_slot_is_the_time_it_names_not_when_beat_sent_it():
    daily = cron(hour=8, minute=5)
    last = datetime(2026, 12, 1, 8, 5, 0, 400_000, tzinfo=AMSTERDAM)
    now = datetime(2026, 12, 2, 8, 5, 1, 300_000, tzinfo=AMSTERDAM)
    assert slots.slot_for(daily, last, now) == datetime(2026, 12, 2, 7, 5, tzinfo=UTC)


def test_after_beat_was_down_the_slot_is_the_latest_missed_time():
    daily = cron(hour=8, minute=5)
    last = datetime(2026, 11, 20, 8, 5, 0, tzinfo=AMSTERDAM)
    now = datetime(2026, 12, 2, 9, 0, 0, tzinfo=AMSTERDAM)  # down 12 days, back after 8:05
    assert slots.slot_for(daily, last, now) == datetime(2026, 12, 2, 7, 5, tzinfo=UTC)
    twice = cron(hour="8,12", minute=0)
    noon = datetime(2026, 12, 2, 12, 0, 2, tzinfo=AMSTERDAM)
    morning = datetime(2026, 12, 2, 8, 0, 1, tzinfo=AMSTERDAM)
    assert slots.slot_for(twice, morning, noon) == datetime(2026, 12, 2, 11, 0, tzinfo=UTC)


def test_a_crontab_slot_follows_summer_time():
    daily = cron(hour=3, minute=30)
    last = datetime(2026, 7, 1, 3, 30, 1, tzinfo=AMSTERDAM)
    now = datetime(2026, 7, 2, 3, 30, 2, tzinfo=AMSTERDAM)
    assert slots.slot_for(daily, last, now) == datetime(2026, 7, 2, 1, 30, tzinfo=UTC)


@given(st.integers(min_value=0, max_value=59), st.floats(min_value=0, max_value=50))
def test_every_minute_crontab_sent_late_keeps_its_minute(minute, late):
    """A send delayed by up to 50 s is still the minute it was due for, so the next minute's
    send is another slot (rounding the send time to the minute would merge them)."""
    every_minute = cron()
    due = datetime(2026, 12, 2, 10, minute, tzinfo=UTC)
    last = due - timedelta(seconds=60) + timedelta(seconds=1)
    now = due + timedelta(seconds=late)
    assert slots.slot_for(every_minute, last, now) == due


def test_a_header_value_is_parsed_or_refused():
    assert slots.parse("2026-12-02T07:05:00+00:00") == datetime(2026, 12, 2, 7, 5, tzinfo=UTC)
    assert slots.parse(None) is None
    assert slots.parse("gisteren") is None
    assert slots.parse("2026-12-02T07:05:00") is None  # no zone: not a slot beat sent
