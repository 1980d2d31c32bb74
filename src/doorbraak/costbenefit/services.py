"""Writes to the catalogue: load the shipped defaults, and change a figure (its version goes
up, so stored calculations can say which version they used)."""

from django.db import transaction
from django.db.models import F

from .defaults import default_figures, default_index
from .models import CostFigure, PriceIndexYear


@transaction.atomic
def load_defaults() -> tuple[int, int]:
    """Add missing default figures and index years; never overwrite an edited value."""
    figures = [
        CostFigure(**row)
        for row in default_figures()
        if not CostFigure.objects.filter(key=row["key"], municipality=None).exists()
    ]
    CostFigure.objects.bulk_create(figures)
    years = [
        PriceIndexYear(**row)
        for row in default_index()
        if not PriceIndexYear.objects.filter(year=row["year"]).exists()
    ]
    PriceIndexYear.objects.bulk_create(years)
    return len(figures), len(years)


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
