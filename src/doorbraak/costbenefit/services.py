"""Writes to the catalogue: load the shipped defaults, and change a figure (its version goes
up, so stored calculations can say which version they used)."""

from django.db import transaction
from django.db.models import F

from . import defaults
from .models import CostFigure, PriceIndexYear


@transaction.atomic
def load_defaults() -> tuple[int, int]:
    """Add missing default figures and index years; never overwrite an edited value."""
    return defaults.load(CostFigure, PriceIndexYear)


@transaction.atomic
def figure_save(figure: CostFigure, *, is_new: bool) -> CostFigure:
    """Save a figure from the administration; a change makes a new version."""
    if is_new:
        figure.version = 1
        figure.save()
    else:
        figure.save()
        CostFigure.objects.filter(pk=figure.pk).update(version=F("version") + 1)
        figure.refresh_from_db(fields=["version"])
    return figure
