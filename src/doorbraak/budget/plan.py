"""The multi-creditor payment plan (schuldregeling with several creditors at once): the monthly
payment capacity divided over the creditors pro rata to what each is owed, optionally the
priority debts (rent, energy, health insurance, taxes) first, for at most 36 months. Pure
Python, no Django import; amounts are handled as whole cents (int) and returned as `Decimal`.

Per month the capacity (or what is still owed, if less) is divided by the largest-remainder
method: each creditor gets the whole cents of its exact share, and the cents left over go to
the largest fractions (ties: the order of the debts). A creditor is never paid more than it
is still owed; its excess share goes to the others in the same month. So per month the
payments add up exactly to min(capacity, total still owed), and the plan's totals are
exact."""

from dataclasses import dataclass
from decimal import Decimal

MAX_MONTHS = 36
CENT = Decimal("0.01")


class PlanError(ValueError):
    """`code`: "months" (not 1..36), "capacity" (negative), "debts" (none or not positive)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Debt:
    key: object
    amount: Decimal
    priority: bool = False


@dataclass(frozen=True)
class Share:
    key: object
    owed: Decimal
    priority: bool
    monthly: tuple[Decimal, ...]  # one amount per plan month

    @property
    def paid(self) -> Decimal:
        return sum(self.monthly, Decimal("0.00"))

    @property
    def remaining(self) -> Decimal:
        return self.owed - self.paid


@dataclass(frozen=True)
class Plan:
    capacity: Decimal
    months: int  # months the plan runs (≤ the months asked: stops when everything is paid)
    priority_first: bool
    shares: tuple[Share, ...]

    def month_total(self, month: int) -> Decimal:
        return sum((s.monthly[month] for s in self.shares), Decimal("0.00"))

    @property
    def total(self) -> Decimal:
        return sum((s.paid for s in self.shares), Decimal("0.00"))

    @property
    def owed(self) -> Decimal:
        return sum((s.owed for s in self.shares), Decimal("0.00"))


def to_cents(value: Decimal) -> int:
    return int((value / CENT).to_integral_value())


def from_cents(value: int) -> Decimal:
    return (Decimal(value) * CENT).quantize(CENT)


def allocate(total: int, weights: list[int], caps: list[int]) -> list[int]:
    """Divide `total` cents pro rata to `weights`, never above `caps`; the result adds up to
    min(total, sum(caps)) exactly."""
    result = [0] * len(weights)
    remaining = min(total, sum(caps))
    active = [i for i, cap in enumerate(caps) if cap > 0]
    while remaining > 0 and active:
        weight = sum(weights[i] for i in active)
        if weight <= 0:  # only zero weights left: share equally
            exact = {i: (remaining, len(active)) for i in active}
        else:
            exact = {i: (remaining * weights[i], weight) for i in active}
        shares = {i: num // den for i, (num, den) in exact.items()}
        left = remaining - sum(shares.values())
        # One denominator per round, so the remainders compare as whole numbers.
        by_fraction = sorted(active, key=lambda i: (-(exact[i][0] % exact[i][1]), i))
        for i in by_fraction[:left]:
            shares[i] += 1
        over = [i for i in active if shares[i] > caps[i] - result[i]]
        if not over:
            for i in active:
                result[i] += shares[i]
            return result
        for i in over:  # paid in full this month; the rest goes to the others
            remaining -= caps[i] - result[i]
            result[i] = caps[i]
        active = [i for i in active if i not in over]
    return result


def make_plan(
    capacity: Decimal, debts: list[Debt], *, months: int = MAX_MONTHS, priority_first: bool = False
) -> Plan:
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise PlanError("months")
    if capacity < 0:
        raise PlanError("capacity")
    if not debts or any(d.amount <= 0 for d in debts):
        raise PlanError("debts")
    per_month = to_cents(capacity.quantize(CENT))
    owed = [to_cents(d.amount.quantize(CENT)) for d in debts]
    left = list(owed)
    schedule: list[list[int]] = [[] for _ in debts]
    groups = (
        [
            [i for i, d in enumerate(debts) if d.priority],
            [i for i, d in enumerate(debts) if not d.priority],
        ]
        if priority_first
        else [list(range(len(debts)))]
    )
    used = 0
    for _month in range(months):
        if sum(left) == 0 or per_month == 0:
            break
        used += 1
        budget = per_month
        paid = [0] * len(debts)
        for group in groups:
            if not group or budget == 0:
                continue
            parts = allocate(budget, [owed[i] for i in group], [left[i] for i in group])
            for i, part in zip(group, parts, strict=True):
                paid[i] = part
                budget -= part
        for i, part in enumerate(paid):
            left[i] -= part
            schedule[i].append(part)
    shares = tuple(
        Share(
            key=d.key,
            owed=from_cents(owed[i]),
            priority=d.priority,
            monthly=tuple(from_cents(c) for c in schedule[i]),
        )
        for i, d in enumerate(debts)
    )
    return Plan(
        capacity=from_cents(per_month), months=used, priority_first=priority_first, shares=shares
    )
