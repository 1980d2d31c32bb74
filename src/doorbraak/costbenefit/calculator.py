"""Micro cost-benefit analysis: "doorbreken" (the solution) against "doormodderen" (the
problems persist or escalate), over a horizon in months. Pure Python: no Django import.

Every avoided item is a cost × quantity × probability. A catalogue figure (kengetal) brings
its amount, unit, price year and source; its amount is indexed to the target price year. Its
unit says how the quantity reads: years (per_year), months (per_month) or cases (per_case);
for several people a quantity is person-years or person-months, so it is not held against
the horizon. Explicit monthly amounts are: they may not run past the horizon.
Each line is rounded to cents once; every total, and every per-payer subtotal, is a sum of
those rounded lines, so the subtotals always add up to the totals exactly.

Errors are `CalculationError(code, **params)`; the web and API layers turn the code into a
Dutch message.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ONCE, MONTH = "once", "month"
PER_YEAR, PER_MONTH, PER_CASE = "per_year", "per_month", "per_case"
UNITS = (PER_YEAR, PER_MONTH, PER_CASE)
DEFAULT_SOLUTION_PAYER = "gemeente"
MAX_HORIZON_MONTHS = 120
#: Larger numbers are input errors, and would not fit the decimal context once multiplied.
MAX_NUMBER = Decimal("1000000000")

CENT = Decimal("0.01")
RATIO = Decimal("0.01")
PROBABILITY = Decimal("0.0001")
ZERO = Decimal("0.00")
ONE = Decimal("1")


class CalculationError(ValueError):
    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def to_decimal(value, *, field_name: str) -> Decimal:
    """Strict decimal from a string, int or Decimal (never float: floats are not money)."""
    if isinstance(value, bool | float):
        raise CalculationError("not_a_number", field=field_name)
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise CalculationError("not_a_number", field=field_name) from None
    if not number.is_finite():
        raise CalculationError("not_a_number", field=field_name)
    # copy_abs, not abs(): abs() rounds in the context and overflows on a million digits.
    if number.copy_abs() >= MAX_NUMBER:
        raise CalculationError("too_large", field=field_name)
    return number


@dataclass(frozen=True)
class Figure:
    """A cost figure from the catalogue, at its own price year."""

    key: str
    label: str
    amount: Decimal
    unit: str
    price_year: int
    source: str
    payer: str = DEFAULT_SOLUTION_PAYER
    note: str = ""
    version: int = 1


@dataclass(frozen=True)
class PriceIndex:
    """Index values per year (any base); `factor` converts between price years."""

    values: Mapping[int, Decimal]

    @property
    def latest_year(self) -> int | None:
        return max(self.values) if self.values else None

    def factor(self, from_year: int, to_year: int) -> Decimal:
        if from_year >= to_year:
            return ONE  # never deflate a newer figure to an older price year
        if from_year not in self.values or to_year not in self.values:
            raise CalculationError(
                "no_index", year=from_year if from_year not in self.values else to_year
            )
        return self.values[to_year] / self.values[from_year]


@dataclass(frozen=True)
class Probability:
    low: Decimal
    high: Decimal

    @classmethod
    def exactly(cls, value: Decimal) -> "Probability":
        return cls(value, value)

    @property
    def point(self) -> Decimal:
        return (self.low + self.high) / 2

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class SolutionItem:
    label: str
    amount: Decimal
    per: str = ONCE
    months: int | None = None
    payer: str = DEFAULT_SOLUTION_PAYER


@dataclass(frozen=True)
class AvoidedItem:
    """Either a catalogue figure × quantity, or an explicit amount (once or per month)."""

    probability: Probability
    figure: str | None = None
    quantity: Decimal = ONE
    label: str = ""
    amount: Decimal | None = None
    per: str = ONCE
    months: int | None = None
    payer: str | None = None


@dataclass(frozen=True)
class FigureUse:
    key: str
    label: str
    amount: Decimal
    unit: str
    price_year: int
    target_year: int
    factor: Decimal
    indexed_amount: Decimal
    source: str
    note: str
    version: int


@dataclass(frozen=True)
class Line:
    kind: str  # "solution" or "avoided"
    label: str
    payer: str
    base: Decimal  # the full amount if it happens for certain
    expected: Decimal
    low: Decimal
    high: Decimal
    probability: Probability | None = None
    figure: FigureUse | None = None


@dataclass(frozen=True)
class PayerTotals:
    cost: Decimal = ZERO
    avoided: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.avoided - self.cost


@dataclass(frozen=True)
class Result:
    horizon_months: int
    price_year: int | None
    lines: tuple[Line, ...]
    by_payer: dict[str, PayerTotals] = field(default_factory=dict)

    def _sum(self, kind: str, attr: str) -> Decimal:
        return sum((getattr(line, attr) for line in self.lines if line.kind == kind), ZERO)

    @property
    def cost(self) -> Decimal:
        return self._sum("solution", "expected")

    @property
    def avoided(self) -> Decimal:
        return self._sum("avoided", "expected")

    @property
    def avoided_low(self) -> Decimal:
        return self._sum("avoided", "low")

    @property
    def avoided_high(self) -> Decimal:
        return self._sum("avoided", "high")

    @property
    def avoided_if_certain(self) -> Decimal:
        return self._sum("avoided", "base")

    @property
    def net(self) -> Decimal:
        return self.avoided - self.cost

    @property
    def net_low(self) -> Decimal:
        return self.avoided_low - self.cost

    @property
    def net_high(self) -> Decimal:
        return self.avoided_high - self.cost

    @property
    def has_range(self) -> bool:
        return any(line.probability and line.probability.is_range for line in self.lines)

    def _ratio(self, avoided: Decimal) -> Decimal | None:
        if self.cost == ZERO:
            return None  # a zero-euro solution: every avoided euro is pure gain
        return (avoided / self.cost).quantize(RATIO, rounding=ROUND_HALF_UP)

    @property
    def return_per_euro(self) -> Decimal | None:
        return self._ratio(self.avoided)

    @property
    def return_low(self) -> Decimal | None:
        return self._ratio(self.avoided_low)

    @property
    def return_high(self) -> Decimal | None:
        return self._ratio(self.avoided_high)

    @property
    def break_even_probability(self) -> Decimal | None:
        """How likely the bad scenario must be for the solution to pay for itself: the cost
        divided by the avoided costs if they happened for certain. Above 1: never, on money
        alone."""
        certain = self.avoided_if_certain
        if certain == ZERO:
            return None
        return (self.cost / certain).quantize(PROBABILITY, rounding=ROUND_HALF_UP)

    @property
    def figures(self) -> list[FigureUse]:
        seen: dict[str, FigureUse] = {}
        for line in self.lines:
            if line.figure and line.figure.key not in seen:
                seen[line.figure.key] = line.figure
        return list(seen.values())


def _check_months(months: int | None, horizon: int, *, label: str) -> int:
    if months is None:
        return horizon
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise CalculationError("months", label=label)
    if months > horizon:
        raise CalculationError("beyond_horizon", label=label, horizon=horizon)
    return months


def _check_amount(amount: Decimal, *, label: str) -> Decimal:
    if amount < ZERO:
        raise CalculationError("negative_amount", label=label)
    if amount >= MAX_NUMBER:
        raise CalculationError("too_large", field=label)
    return amount


def _check_probability(probability: Probability, *, label: str) -> Probability:
    for value in (probability.low, probability.high):
        if not ZERO <= value <= ONE:
            raise CalculationError("probability", label=label)
    if probability.low > probability.high:
        raise CalculationError("probability_order", label=label)
    return probability


def _solution_line(item: SolutionItem, horizon: int) -> Line:
    label = item.label or "oplossing"
    amount = _check_amount(item.amount, label=label)
    if item.per == ONCE:
        base = money(amount)
    elif item.per == MONTH:
        base = money(amount * _check_months(item.months, horizon, label=label))
    else:
        raise CalculationError("per", label=label)
    return Line("solution", label, item.payer or DEFAULT_SOLUTION_PAYER, base, base, base, base)


def _figure_use(figure: Figure, index: PriceIndex, target_year: int | None) -> FigureUse:
    if target_year is None:
        raise CalculationError("no_index", year=figure.price_year)
    factor = index.factor(figure.price_year, target_year)
    return FigureUse(
        key=figure.key,
        label=figure.label,
        amount=figure.amount,
        unit=figure.unit,
        price_year=figure.price_year,
        target_year=target_year,
        factor=factor,
        indexed_amount=money(figure.amount * factor),
        source=figure.source,
        note=figure.note,
        version=figure.version,
    )


def _avoided_line(
    item: AvoidedItem,
    horizon: int,
    catalogue: Mapping[str, Figure],
    index: PriceIndex,
    target_year: int,
) -> Line:
    use = None
    if item.figure is not None:
        figure = catalogue.get(item.figure)
        if figure is None:
            raise CalculationError("unknown_figure", key=item.figure)
        if figure.unit not in UNITS:
            raise CalculationError("unit", key=figure.key)
        label = item.label or figure.label
        quantity = item.quantity
        if quantity < ZERO:
            raise CalculationError("negative_quantity", label=label)
        if quantity >= MAX_NUMBER:
            raise CalculationError("too_large", field=label)
        use = _figure_use(figure, index, target_year)
        base = use.indexed_amount * quantity
        payer = item.payer or figure.payer
    else:
        label = item.label or "vermeden kosten"
        if item.amount is None:
            raise CalculationError("missing_amount", label=label)
        amount = _check_amount(item.amount, label=label)
        if item.per == ONCE:
            base = amount
        elif item.per == MONTH:
            base = amount * _check_months(item.months, horizon, label=label)
        else:
            raise CalculationError("per", label=label)
        payer = item.payer or DEFAULT_SOLUTION_PAYER
    probability = _check_probability(item.probability, label=label)
    return Line(
        "avoided",
        label,
        payer,
        money(base),
        expected=money(base * probability.point),
        low=money(base * probability.low),
        high=money(base * probability.high),
        probability=probability,
        figure=use,
    )


def calculate(
    *,
    horizon_months: int,
    solution: Iterable[SolutionItem],
    avoided: Iterable[AvoidedItem],
    catalogue: Mapping[str, Figure],
    index: PriceIndex,
    target_year: int | None = None,
) -> Result:
    if (
        isinstance(horizon_months, bool)
        or not isinstance(horizon_months, int)
        or not (1 <= horizon_months <= MAX_HORIZON_MONTHS)
    ):
        raise CalculationError("horizon", maximum=MAX_HORIZON_MONTHS)
    target_year = target_year or index.latest_year
    lines = [_solution_line(item, horizon_months) for item in solution]
    lines += [
        _avoided_line(item, horizon_months, catalogue, index, target_year) for item in avoided
    ]
    by_payer: dict[str, PayerTotals] = {}
    for line in lines:
        totals = by_payer.get(line.payer, PayerTotals())
        if line.kind == "solution":
            totals = PayerTotals(totals.cost + line.expected, totals.avoided)
        else:
            totals = PayerTotals(totals.cost, totals.avoided + line.expected)
        by_payer[line.payer] = totals
    return Result(horizon_months, target_year, tuple(lines), by_payer)
