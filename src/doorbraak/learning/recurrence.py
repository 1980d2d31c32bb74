"""Spending that keeps coming back (issue 14, item 4; compass row 17): the categories paid for
in many requests across several teams point at a rule that makes the fund pay for what a
voorliggende voorziening or an agreement should cover (Leiden's dentist costs became a tariff
agreement). Such a category is offered as the start of a signal, and signals feed the
patterns. Pure Python, no Django import."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class CategorySpending:
    category_id: int | None
    label: str
    requests: int
    teams: int
    funds: int
    amount: Decimal


def recurring(
    rows: Iterable[CategorySpending], *, min_requests: int, min_teams: int = 2
) -> list[CategorySpending]:
    """The categories with at least `min_requests` approved or paid requests from at least
    `min_teams` teams, most requests first (then most money)."""
    if min_requests < 2 or min_teams < 1:
        raise ValueError("a category recurs in at least two requests and one team")
    found = [r for r in rows if r.requests >= min_requests and r.teams >= min_teams]
    return sorted(found, key=lambda r: (-r.requests, -r.amount, r.label))
