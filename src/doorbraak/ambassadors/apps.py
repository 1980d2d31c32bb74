from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadorsConfig(AppConfig):
    name = "doorbraak.ambassadors"
    verbose_name = _("Ambassadors")
    default_auto_field = "django.db.models.BigAutoField"
