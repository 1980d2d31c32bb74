"""Reads of the catalogue and index, shared by the request form, the calculator page and
the API."""

from django.conf import settings
from django.db.models import Q

from . import calculator
from .models import CostFigure, PriceIndexYear


def figures_for(municipality_id: int | None) -> dict[str, CostFigure]:
    """Active figures by key: the municipality's own figure wins over the default."""
    rows = (
        CostFigure.objects.filter(active=True)
        .filter(Q(municipality__isnull=True) | Q(municipality_id=municipality_id))
        .order_by("key", "municipality_id")
    )
    chosen: dict[str, CostFigure] = {}
    for row in rows:
        if row.key not in chosen or row.municipality_id is not None:
            chosen[row.key] = row
    return chosen


def municipality_id(team) -> int | None:
    """The municipality whose catalogue applies to a team: that of the team's wijk."""
    if team is None or team.neighbourhood_id is None:
        return None
    return team.neighbourhood.municipality_id


def catalogue_for(municipality_id: int | None) -> dict[str, calculator.Figure]:
    return {key: row.as_figure() for key, row in figures_for(municipality_id).items()}


def price_index() -> calculator.PriceIndex:
    return calculator.PriceIndex(dict(PriceIndexYear.objects.values_list("year", "index")))


def target_price_year(index: calculator.PriceIndex) -> int:
    configured = getattr(settings, "PRICE_YEAR", None)
    return configured or index.latest_year
