"""The bijstandsnormen shipped with Doorbraak for the budget check (budget/capacity.py). The
beheerder keeps them current in the administration; the migration and the demo load them."""

import datetime
from decimal import Decimal

# The bijstandsnormen shipped with the app (per month, including 5 % vakantietoeslag), as
# published by the Rijksoverheid per 1 January and 1 July 2025 (quoted in Metro, "Zoveel geld
# krijgen mensen in de bijstand vanaf 1 juli", June 2025). The 2026 amounts could not be
# verified from the sources at hand: the beheerder adds them in the administration
# (Budgetcheck › Bijstandsnormen) as soon as they are published. The alleenstaande ouder has
# the alleenstaande's norm since 2015. Woonkostennorm: the huurtoeslag's
# kwaliteitskortingsgrens 2025 (€ 477,20), a simplification of art. 475db Rv (see
# budget/capacity.py). Zorgtoeslag: the 2025 maximum, € 131 (single) and € 250 (partners).
SOURCE = (
    "Rijksoverheid, bijstandsnormen per {date} incl. vakantietoeslag; woonkostennorm = "
    "kwaliteitskortingsgrens 2025; zorgtoeslag = maximum 2025"
)
NORMS = {
    "2025-01-01": {
        ("alleenstaande", False): "1345.45",
        ("alleenstaande-ouder", False): "1345.45",
        ("gehuwden", False): "1922.07",
        ("alleenstaande", True): "1501.07",
        ("alleenstaande-ouder", True): "1501.07",
        ("gehuwden", True): "2053.48",
    },
    "2025-07-01": {
        ("alleenstaande", False): "1369.06",
        ("alleenstaande-ouder", False): "1369.06",
        ("gehuwden", False): "1955.80",
        ("alleenstaande", True): "1530.21",
        ("alleenstaande-ouder", True): "1530.21",
        ("gehuwden", True): "2094.98",
    },
}
HEALTH = {"alleenstaande": "131.00", "alleenstaande-ouder": "131.00", "gehuwden": "250.00"}


def load(norm) -> None:
    """Add the shipped norms that are missing (`norm`: the BijstandsNorm model, or the
    migration's historical one); never overwrite what the beheerder changed."""
    for day, rows in NORMS.items():
        valid_from = datetime.date.fromisoformat(day)
        label = valid_from.strftime("%d-%m-%Y")
        for (kind, pension_age), amount in rows.items():
            norm.objects.get_or_create(
                household_kind=kind,
                pension_age=pension_age,
                valid_from=valid_from,
                defaults={
                    "amount": Decimal(amount),
                    "housing_threshold": Decimal("477.20"),
                    "health_allowance": Decimal(HEALTH[kind]),
                    "source": SOURCE.format(date=label),
                },
            )
