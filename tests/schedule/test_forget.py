"""The runs of scheduled tasks are kept 90 days, then deleted by a nightly task (the sweep
every minute would otherwise add half a million rows a year)."""

import datetime

import pytest
from django.utils import timezone

from doorbraak.schedule import services
from doorbraak.schedule.models import TaskRun
from doorbraak.schedule.tasks import forget_old_task_runs

pytestmark = pytest.mark.django_db


def _run(slot):
    return TaskRun.objects.create(
        name="doorbraak.documents.tasks.requeue_waiting_documents",
        slot=slot,
        status=TaskRun.Status.DONE,
        started_at=slot,
    )


def test_runs_older_than_the_term_are_forgotten_and_the_rest_kept():
    now = timezone.now()
    old = _run(now - datetime.timedelta(days=91))
    kept = _run(now - datetime.timedelta(days=89))
    today = _run(now)
    assert services.task_runs_forget(now) == 1
    assert set(TaskRun.objects.values_list("pk", flat=True)) == {kept.pk, today.pk}
    assert not TaskRun.objects.filter(pk=old.pk).exists()
    assert services.task_runs_forget(now) == 0


def test_the_nightly_task_is_scheduled_and_claimed_once_per_slot(settings):
    entries = {e["task"]: e for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert forget_old_task_runs.name in entries
    assert forget_old_task_runs.once_per_slot
    _run(timezone.now() - datetime.timedelta(days=120))
    assert forget_old_task_runs.delay().get() == 1
