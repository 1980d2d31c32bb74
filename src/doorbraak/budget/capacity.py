"""Payment capacity (aflossingscapaciteit) of a household: its attachable income minus the
beslagvrije voet, never negative. Pure Python, `Decimal` only, no Django import.

The beslagvrije voet (art. 475da–475dc Rv, since 1 January 2021) as computed here:

1. Base (art. 475da lid 1): 95 % of the bijstandsnorm that applies to the household's
   situation (alleenstaande, alleenstaande ouder, gehuwden/samenwonenden; 21 to AOW age or
   AOW age and older), the norm including vakantietoeslag, from the dated norm table.
2. Housing correction (art. 475db): the voet goes up by the part of the housing costs (rent or
   mortgage, minus the huurtoeslag received) above the woonkostennorm of the norm table.
3. Zorgtoeslag correction (art. 475db): a household that receives no zorgtoeslag gets the
   zorgtoeslag amount of the norm table added, so the health-insurance premium stays paid.

Income: only attachable income counts (wages, benefits, pension, other). Huurtoeslag,
zorgtoeslag, kindgebonden budget and kinderbijslag cannot be attached (art. 475c Rv and the
benefit laws), so they are not part of the income the voet is taken from.

Simplifications (a professional checks the outcome, this is a proposal, not a decision):
- The woonkostennorm and the zorgtoeslag amount are single parameters per norm row that the
  beheerder keeps current; the law derives them from the Wet op de huurtoeslag and the Wet
  op de zorgtoeslag with more detail (e.g. the rekenhuur and the toeslagpartner's income).
- Not computed: the kostendelersnorm (co-residents), the reduction when someone has no housing
  costs at all, the division of the voet between partners with separate incomes, the voet
  of people living abroad or in an institution, and young people's norms (18–20); the
  professional records those cases outside this check.
- The capacity is per month; incomes and costs are entered per month.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
VOET_FACTOR = Decimal("0.95")

# Income kinds
WAGES = "loon"
BENEFIT = "uitkering"
PENSION = "pensioen"
HOUSING_ALLOWANCE = "huurtoeslag"
HEALTH_ALLOWANCE = "zorgtoeslag"
CHILD_BUDGET = "kindgebonden-budget"
CHILD_BENEFIT = "kinderbijslag"
OTHER_INCOME = "overig"
INCOME_KINDS = (
    WAGES,
    BENEFIT,
    PENSION,
    HOUSING_ALLOWANCE,
    HEALTH_ALLOWANCE,
    CHILD_BUDGET,
    CHILD_BENEFIT,
    OTHER_INCOME,
)
NOT_ATTACHABLE = frozenset({HOUSING_ALLOWANCE, HEALTH_ALLOWANCE, CHILD_BUDGET, CHILD_BENEFIT})

# Fixed cost kinds
HOUSING = "woonkosten"
ENERGY = "energie"
HEALTH_INSURANCE = "zorgverzekering"
WATER = "water"
OTHER_COST = "overig"
COST_KINDS = (HOUSING, ENERGY, HEALTH_INSURANCE, WATER, OTHER_COST)


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Norm:
    """One row of the dated norm table: the bijstandsnorm per month including vakantietoeslag,
    the woonkostennorm and the zorgtoeslag amount for the corrections."""

    amount: Decimal
    housing_threshold: Decimal
    health_allowance: Decimal


@dataclass(frozen=True)
class Line:
    kind: str
    amount: Decimal


@dataclass(frozen=True)
class Capacity:
    income: Decimal  # attachable income per month
    other_income: Decimal  # toeslagen and child benefits (not attachable)
    fixed_costs: Decimal
    base: Decimal  # 95 % of the norm
    housing_correction: Decimal
    health_correction: Decimal
    voet: Decimal  # the beslagvrije voet
    capacity: Decimal  # income minus voet, never negative
    corrections: list[str] = field(default_factory=list)


def beslagvrije_voet(
    norm: Norm, *, housing_costs: Decimal, housing_allowance: Decimal, receives_health: bool
) -> tuple[Decimal, Decimal, Decimal]:
    """(base, housing correction, zorgtoeslag correction), each in whole cents and >= 0."""
    base = cents(norm.amount * VOET_FACTOR)
    net_housing = housing_costs - housing_allowance
    housing = cents(max(ZERO, net_housing - norm.housing_threshold))
    health = ZERO if receives_health else cents(max(ZERO, norm.health_allowance))
    return base, housing, health


def compute(norm: Norm, incomes: list[Line], costs: list[Line]) -> Capacity:
    attachable = sum((i.amount for i in incomes if i.kind not in NOT_ATTACHABLE), ZERO)
    other = sum((i.amount for i in incomes if i.kind in NOT_ATTACHABLE), ZERO)
    housing_allowance = sum((i.amount for i in incomes if i.kind == HOUSING_ALLOWANCE), ZERO)
    receives_health = any(i.kind == HEALTH_ALLOWANCE and i.amount > 0 for i in incomes)
    housing_costs = sum((c.amount for c in costs if c.kind == HOUSING), ZERO)
    base, housing, health = beslagvrije_voet(
        norm,
        housing_costs=housing_costs,
        housing_allowance=housing_allowance,
        receives_health=receives_health,
    )
    voet = base + housing + health
    corrections = []
    if housing:
        corrections.append("housing")
    if health:
        corrections.append("health")
    return Capacity(
        income=cents(attachable),
        other_income=cents(other),
        fixed_costs=cents(sum((c.amount for c in costs), ZERO)),
        base=base,
        housing_correction=housing,
        health_correction=health,
        voet=voet,
        capacity=max(ZERO, cents(attachable - voet)),
        corrections=corrections,
    )
