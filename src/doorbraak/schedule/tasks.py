"""The scale test's probe: scheduled every few seconds with DOORBRAAK_BEAT_FAST (settings.py),
never in production. Its effect, a counter, is on purpose not idempotent: bench/scale.py
checks the counter equals the number of slots, so a slot run twice or lost would show."""

from celery import shared_task

from . import services


@shared_task(name="doorbraak.schedule.tasks.tick", once_per_slot=True)
def tick(hold: float = 0.0) -> int:
    return services.tick(hold=hold)
