from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultsConfig(AppConfig):
    name = "doorbraak.consults"
    verbose_name = _("Anonymous consults")
    default_auto_field = "django.db.models.BigAutoField"
