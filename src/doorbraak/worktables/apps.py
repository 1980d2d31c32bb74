from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorktablesConfig(AppConfig):
    name = "doorbraak.worktables"
    verbose_name = _("Werktafels and structural solutions")
    default_auto_field = "django.db.models.BigAutoField"
