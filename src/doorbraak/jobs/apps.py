from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "doorbraak.jobs"
    verbose_name = _("Background jobs")

    def ready(self):
        # The Celery app becomes the current one in every Django process (web, commands), so a
        # task sent from a view uses these settings: Redis, or at once in-process.
        from . import celery_app  # noqa: F401
