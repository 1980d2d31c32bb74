from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GameConfig(AppConfig):
    name = "doorbraak.game"
    verbose_name = _("Op Maat game")
    default_auto_field = "django.db.models.BigAutoField"
