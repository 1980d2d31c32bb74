"""Reads of the task runs: the last successful run of each scheduled task (the metric)."""

from datetime import datetime

from django.conf import settings
from django.db.models import Max

from .models import TaskRun


def scheduled_task_names() -> list[str]:
    return sorted({entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()})


def last_done() -> dict[str, datetime]:
    """Task name -> when its latest done run finished, for the tasks beat schedules now (a
    task that never ran is absent). One query over the partial unique index."""
    rows = (
        TaskRun.objects.filter(status=TaskRun.Status.DONE, name__in=scheduled_task_names())
        .values("name")
        .annotate(last=Max("finished_at"))
        .values_list("name", "last")
    )
    return {name: last for name, last in rows if last is not None}
