"""Does a request fit a fund? Pure Python: no Django import.

`check_fit` returns (code, params) problems; an empty list means the request fits. The
amount checked is the request's total (a recurring request: its whole schedule)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class FundTerms:
    active: bool
    period_start: datetime.date
    period_end: datetime.date
    ceiling_per_request: Decimal | None
    ceiling_per_household: Decimal | None
    categories: frozenset[str]  # empty: every category
    recurring_allowed: bool
    free: Decimal  # available, not yet reserved


@dataclass(frozen=True)
class RequestTerms:
    total: Decimal
    category: str
    recurring: bool
    day: datetime.date
    household_spent: Decimal = Decimal("0")  # reserved or paid for this household this period


def check_fit(fund: FundTerms, request: RequestTerms) -> list[tuple[str, dict]]:
    problems: list[tuple[str, dict]] = []
    if not fund.active or not fund.period_start <= request.day <= fund.period_end:
        problems.append(("fund_closed", {}))
    if fund.ceiling_per_request is not None and request.total > fund.ceiling_per_request:
        problems.append(("above_ceiling", {"ceiling": fund.ceiling_per_request}))
    if fund.ceiling_per_household is not None and (
        request.household_spent + request.total > fund.ceiling_per_household
    ):
        problems.append(
            (
                "household_ceiling",
                {
                    "ceiling": fund.ceiling_per_household,
                    "left": max(fund.ceiling_per_household - request.household_spent, Decimal("0")),
                },
            )
        )
    if fund.categories and request.category not in fund.categories:
        problems.append(("category", {}))
    if request.recurring and not fund.recurring_allowed:
        problems.append(("recurring", {}))
    if request.total > fund.free:
        problems.append(("insufficient", {"free": fund.free}))
    return problems
