"""Background jobs: the Celery app (`celery -A doorbraak.jobs worker|beat`). Tasks live in
each app's `tasks.py`, are thin wrappers around a service function, and are idempotent."""

from .celery_app import app

__all__ = ["app"]
