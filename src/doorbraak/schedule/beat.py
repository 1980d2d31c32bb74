"""The beat scheduler Doorbraak runs (`CELERY_BEAT_SCHEDULER` in settings.py): celery's
PersistentScheduler (the schedule file given with `--schedule`), which

1. keeps every interval entry on a fixed grid (`slots.aligned`: hourly means on the hour), and
2. sends each task with the slot it is due for in the `doorbraak_slot` header, which the
   worker's claim (services.run_once) turns into one TaskRun per (task, slot).

No Django import: beat loads this before Django is set up.
"""

import logging

from celery.beat import PersistentScheduler, ScheduleEntry
from celery.schedules import schedule

from . import slots

logger = logging.getLogger("celery.beat")  # next to beat's own "Sending due task" lines


class SlotEntry(ScheduleEntry):
    """A schedule entry whose plain interval schedule is made an aligned one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if type(self.schedule) is schedule and not self.schedule.relative:
            self.schedule = slots.aligned(
                self.schedule.run_every, nowfun=self.schedule.nowfun, app=self.app
            )


class SlotScheduler(PersistentScheduler):
    Entry = SlotEntry

    def apply_async(self, entry, producer=None, advance=True, **kwargs):
        # entry.last_run_at is the previous send: the tick reserves the next entry first and
        # sends this one with advance=False.
        slot = slots.slot_for(entry.schedule, entry.last_run_at, self.app.now())
        if advance:
            entry = self.reserve(entry)
        options = dict(entry.options)
        options["headers"] = {**(options.get("headers") or {}), slots.SLOT_HEADER: slot.isoformat()}
        logger.info("Scheduler: slot %s of %s (%s)", slot.isoformat(), entry.name, entry.task)
        sent = entry.__class__(**dict(entry, options=options))  # the stored entry stays as it is
        return super().apply_async(sent, producer=producer, advance=False, **kwargs)
