"""VerhuisboxPlus programme figures per year, as seed 002 ("Elders onder dak", Den Haag)
counts them, and the programme's return per euro through the cost-benefit core. Pure Python:
no Django import, no clock.

"Van de 156 aanmeldingen in 2021 werden 23 trajecten gestaakt of niet gestart"; "Negentig
inwoners werden in 2021 ... geholpen aan een woning"; "Gemiddeld vond de groep met intensieve
begeleiding na 104 dagen zoeken huisvesting". So, per calendar year:

- registrations: trajectories registered in the year;
- stopped or not started: of those registrations, the ones that ended without a home;
- housed: trajectories whose household was housed in the year (whatever year they started);
- average days: over the households housed in the year with intensive help, the days from
  registration to the housing date, rounded half up to whole days (None when there are none).

Return per euro: what the programme paid in kind (registration fees, train tickets, first rent,
basic furnishing, from the fund's ledger) against the shelter it avoided: each housed household
one year of residential shelter (kengetal `maatschappelijke_opvang_residentieel`) with the
probability `SHELTER_PROBABILITY` that, without the move, it would have stayed that year.
That probability is an assumption for the beleidsadviseur to confirm, shown on the page.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from doorbraak.costbenefit import calculator

REGISTERED = "aangemeld"
STARTED = "gestart"
HOUSED = "gehuisvest"
STOPPED = "gestopt"
NOT_STARTED = "niet-gestart"
STATUSES = (REGISTERED, STARTED, HOUSED, STOPPED, NOT_STARTED)
OPEN = frozenset({REGISTERED, STARTED})
ENDED_WITHOUT_HOME = frozenset({STOPPED, NOT_STARTED})

AVOIDED_FIGURE = "maatschappelijke_opvang_residentieel"
SHELTER_PROBABILITY = Decimal("0.5")
HORIZON_MONTHS = 12
COST_LABEL = "VerhuisboxPlus: kosten in natura"


@dataclass(frozen=True)
class Row:
    """One trajectory as the figures need it."""

    registered_on: datetime.date
    status: str
    housed_on: datetime.date | None = None
    intensive: bool = True


@dataclass(frozen=True)
class YearFigures:
    year: int
    registrations: int
    stopped: int
    housed: int
    housed_intensive: int
    average_days: int | None


def days_to_housing(registered_on: datetime.date, housed_on: datetime.date) -> int:
    return (housed_on - registered_on).days


def average_days(days: list[int]) -> int | None:
    if not days:
        return None
    mean = Decimal(sum(days)) / Decimal(len(days))
    return int(mean.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def year_figures(rows: list[Row]) -> list[YearFigures]:
    """Per calendar year that has a registration or a housing, oldest first."""
    years = {r.registered_on.year for r in rows}
    years |= {r.housed_on.year for r in rows if r.status == HOUSED and r.housed_on}
    out = []
    for year in sorted(years):
        registered = [r for r in rows if r.registered_on.year == year]
        housed = [
            r for r in rows if r.status == HOUSED and r.housed_on and r.housed_on.year == year
        ]
        intensive = [days_to_housing(r.registered_on, r.housed_on) for r in housed if r.intensive]
        out.append(
            YearFigures(
                year=year,
                registrations=len(registered),
                stopped=sum(1 for r in registered if r.status in ENDED_WITHOUT_HOME),
                housed=len(housed),
                housed_intensive=len(intensive),
                average_days=average_days(intensive),
            )
        )
    return out


def programme_return(
    *,
    paid: Decimal,
    housed: int,
    catalogue: Mapping[str, calculator.Figure],
    index: calculator.PriceIndex,
    target_year: int | None = None,
    probability: Decimal = SHELTER_PROBABILITY,
) -> calculator.Result:
    """The year's costs paid in kind against the shelter avoided for its housed households,
    by `costbenefit.calculator.calculate`; `return_per_euro` is None when nothing was paid.
    Raises `calculator.CalculationError` (e.g. `unknown_figure` without the kengetal)."""
    return calculator.calculate(
        horizon_months=HORIZON_MONTHS,
        solution=[calculator.SolutionItem(COST_LABEL, paid)],
        avoided=[
            calculator.AvoidedItem(
                probability=calculator.Probability.exactly(probability),
                figure=AVOIDED_FIGURE,
                quantity=Decimal(housed),
            )
        ],
        catalogue=catalogue,
        index=index,
        target_year=target_year,
    )
