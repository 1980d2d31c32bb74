"""`forget_old_task_runs`, nightly: the runs of scheduled tasks are kept 90 days.

`tick` is the scale test's probe: scheduled every few seconds with DOORBRAAK_BEAT_FAST
(settings.py), never in production. Its effect, a counter, is on purpose not idempotent:
bench/scale.py checks the counter equals the number of slots, so a slot run twice or lost
would show."""

from celery import shared_task

from . import services


@shared_task(name="doorbraak.schedule.tasks.tick", once_per_slot=True)
def tick(hold: float = 0.0) -> int:
    return services.tick(hold=hold)


@shared_task(name="doorbraak.schedule.tasks.forget_old_task_runs", once_per_slot=True)
def forget_old_task_runs() -> int:
    return services.task_runs_forget()
