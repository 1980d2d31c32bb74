from django.apps import AppConfig
from django.core import checks


class OpendataConfig(AppConfig):
    name = "doorbraak.opendata"
    verbose_name = "Open data"

    def ready(self) -> None:
        checks.register(check_min_cell, checks.Tags.security)


def check_min_cell(app_configs=None, **kwargs):
    """DOORBRAAK_OPEN_DATA_MIN_CELL below the minimum would publish cells that identify
    households: refuse to start."""
    from django.conf import settings

    from doorbraak.reports.suppression import MINIMUM_THRESHOLD

    value = getattr(settings, "OPEN_DATA_MIN_CELL", MINIMUM_THRESHOLD)
    if not isinstance(value, int) or value < MINIMUM_THRESHOLD:
        return [
            checks.Error(
                f"DOORBRAAK_OPEN_DATA_MIN_CELL is {value!r}: open data needs at least "
                f"{MINIMUM_THRESHOLD} households per published cell.",
                id="opendata.E001",
            )
        ]
    return []
