"""System checks (`doorbraak check`, and before every migrate):

- schedule.E001: every task in CELERY_BEAT_SCHEDULE is declared `once_per_slot=True`, so a
  redelivered message of it never runs a slot twice;
- schedule.E002: no two entries schedule one task (a run is identified by task and slot);
- schedule.E003: every task in it exists (its name is its module's path);
- schedule.W001: with Redis as broker, the visibility timeout is longer than the task time
  limit, else a message is handed to a second worker while the first still runs it."""

import contextlib
import importlib

from django.conf import settings
from django.core import checks


@checks.register()
def scheduled_tasks_run_once(app_configs=None, **kwargs):
    from doorbraak.jobs import app

    problems = []
    seen: dict[str, str] = {}
    for entry_name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        # Task names are their module's path (doorbraak.<app>.tasks.<name>). Not through
        # app.loader.import_default_modules(): Celery's Django fixup runs the checks from it.
        with contextlib.suppress(ImportError):
            importlib.import_module(entry["task"].rsplit(".", 1)[0])
        task = app.tasks.get(entry["task"])
        if task is None:
            problems.append(
                checks.Error(
                    f"Scheduled task {entry['task']} ({entry_name}) is not a registered task.",
                    id="schedule.E003",
                )
            )
        elif not getattr(task, "once_per_slot", False):
            problems.append(
                checks.Error(
                    f"Scheduled task {entry['task']} ({entry_name}) is not once_per_slot.",
                    hint="Declare it @shared_task(name=..., once_per_slot=True).",
                    id="schedule.E001",
                )
            )
        if entry["task"] in seen:
            problems.append(
                checks.Error(
                    f"{entry_name} and {seen[entry['task']]} schedule the same task "
                    f"{entry['task']}: a run is identified by task and slot.",
                    id="schedule.E002",
                )
            )
        seen[entry["task"]] = entry_name
    return problems


@checks.register()
def visibility_timeout_covers_a_task(app_configs=None, **kwargs):
    if not settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        return []
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", None) or {}
    timeout = options.get("visibility_timeout", 3600)
    limit = getattr(settings, "CELERY_TASK_TIME_LIMIT", None)
    if limit and timeout <= limit:
        return [
            checks.Warning(
                f"The broker's visibility timeout ({timeout} s) is not longer than the task "
                f"time limit ({limit} s): a running task's message is given to a second worker.",
                hint="Set DOORBRAAK_BROKER_VISIBILITY_TIMEOUT above DOORBRAAK_TASK_TIME_LIMIT.",
                id="schedule.W001",
            )
        ]
    return []
