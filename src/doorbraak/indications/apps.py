from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicationsConfig(AppConfig):
    name = "doorbraak.indications"
    verbose_name = _("Wmo indications")
    default_auto_field = "django.db.models.BigAutoField"
