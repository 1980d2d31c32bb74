from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PausesConfig(AppConfig):
    name = "doorbraak.pauses"
    verbose_name = _("Pauses")
    default_auto_field = "django.db.models.BigAutoField"
