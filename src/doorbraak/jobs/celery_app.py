"""The Celery app, configured from Django's settings (the CELERY_* names in settings.py)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings")

app = Celery("doorbraak")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
