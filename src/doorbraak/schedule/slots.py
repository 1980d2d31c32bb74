"""The slot of a scheduled run: the due time one message from beat stands for. Pure: celery's
schedule classes, no Django.

A slot is what makes "exactly once" checkable: a task that beat sends is identified by (task
name, slot), and two messages for one pair are one run delivered twice (docs/operations.md,
"Scheduled tasks"). So the slot must not depend on when beat happened to wake up, or on when
a worker happened to take the message:

- an interval entry (`"schedule": 3600.0`) runs on a fixed grid (`aligned`): every whole
  multiple of the period since the Unix epoch (UTC), every hour on the hour, and its slot is
  the grid point at or before the moment beat sends it;
- a crontab entry's slot is the latest time the crontab names at or before that moment
  (08:05:00 for `crontab(hour=8, minute=5)`, even when beat sends it at 08:05:01.3);
- any other schedule (solar): its due time, to the second.

Beat computes the slot when it sends the task (beat.SlotScheduler) and puts it in the
`doorbraak_slot` header; the worker never recomputes it, so a message redelivered an hour
later still stands for the slot it was sent for.
"""

import math
from datetime import UTC, datetime, timedelta

from celery.schedules import crontab, schedstate, schedule
from celery.utils.time import remaining

#: The message header beat puts the slot in (ISO 8601, UTC).
SLOT_HEADER = "doorbraak_slot"
#: The most crontab times stepped through to find the latest one since the previous send (a
#: every-minute crontab with beat stopped for two weeks); past it the last one found is used.
MAX_STEPS = 20_000


class aligned(schedule):  # noqa: N801 - lower case like celery's schedule and crontab
    """An interval schedule on a fixed grid: due once at every whole multiple of the period
    since the Unix epoch (UTC), whenever beat started and however late it sent the previous
    one. Celery's own interval counts from the previous send, so its due times drift by
    beat's delay every time, and slots taken from them would now and then skip one."""

    def _grid(self, moment: datetime) -> int:
        return math.floor(self.maybe_make_aware(moment).timestamp() / self.seconds)

    def is_due(self, last_run_at: datetime) -> schedstate:
        now = self.maybe_make_aware(self.now()).timestamp()
        current = math.floor(now / self.seconds)
        wait = (current + 1) * self.seconds - now
        return schedstate(current > self._grid(last_run_at), wait)

    def remaining_estimate(self, last_run_at: datetime) -> timedelta:
        due = (self._grid(last_run_at) + 1) * self.seconds
        return timedelta(seconds=due - self.maybe_make_aware(self.now()).timestamp())

    def __repr__(self) -> str:
        return f"<aligned: every {self.seconds:g} s on the UTC grid>"


def grid_slot(moment: datetime, period: float) -> datetime:
    """The grid point of `period` seconds at or before `moment` (UTC)."""
    return datetime.fromtimestamp(math.floor(moment.timestamp() / period) * period, UTC)


def next_crontab_time(cron: crontab, after: datetime) -> datetime:
    """The first time `cron` names after `after` (celery's own arithmetic, in its time zone)."""
    start, delta, now = cron.remaining_delta(after)
    # remaining() is end - now in real (UTC) time: add it back in UTC, not in wall time.
    return now.astimezone(UTC) + remaining(start, delta, now)


def latest_crontab_time(cron: crontab, last_run_at: datetime, now: datetime) -> datetime | None:
    """The latest time `cron` names after `last_run_at` and at or before `now`, or None."""
    found = None
    moment = last_run_at
    for _ in range(MAX_STEPS):
        following = next_crontab_time(cron, moment)
        if following > now:
            break
        found = moment = following
    return found


def slot_for(entry_schedule, last_run_at: datetime, now: datetime) -> datetime:
    """The slot of a send at `now` of an entry last sent at `last_run_at`: UTC, whole seconds."""
    if isinstance(entry_schedule, aligned):
        return grid_slot(now, entry_schedule.seconds)
    due = None
    if isinstance(entry_schedule, crontab):
        due = latest_crontab_time(entry_schedule, last_run_at, now)
    if due is None:
        due = min(now, now + entry_schedule.remaining_estimate(last_run_at))
    return due.astimezone(UTC).replace(microsecond=0)


def parse(value) -> datetime | None:
    """A slot header's value as an aware datetime, or None when absent or not a time."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else None
