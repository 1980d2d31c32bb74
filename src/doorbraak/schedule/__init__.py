"""Scheduled tasks exactly once (issue 19): every run of a task that beat sends is one
(task name, slot) pair, and a `TaskRun` row under a unique constraint on that pair is claimed
in the task's own transaction before it works.

- `slots.py`: the slot of a schedule entry (pure; celery's schedule classes, no Django);
- `beat.py`: the beat scheduler (`CELERY_BEAT_SCHEDULER`) that sends the slot with each task
  and keeps interval entries on a fixed grid;
- `services.py`: the claim (`run_once`), called by `jobs.celery_app.TracedTask` for a task
  declared with `@shared_task(..., once_per_slot=True)`;
- `queries.py`, `metrics.py`, `admin.py`: the last successful run per task, as a Prometheus
  gauge and read-only in /beheer/;
- `tasks.py`: `tick`, the scale test's probe (scheduled only with DOORBRAAK_BEAT_FAST).

docs/operations.md, "Scheduled tasks", says why and how."""
