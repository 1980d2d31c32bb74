from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerhuisboxConfig(AppConfig):
    name = "doorbraak.verhuisbox"
    label = "verhuisbox"
    verbose_name = _("VerhuisboxPlus")
