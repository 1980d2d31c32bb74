"""The figures of a dashboard from summary rows, without Django: requests by status, what
"solved otherwise" was solved with, time to decision, spending per category and per month.

Input is a list of `Row`s (one per summary row in scope and period); everything here is sums
over them, so tests can count a fixture by hand and compare."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .figures import add_histograms, percentile_hours, share

#: Statuses whose amount counts as spending (the money is reserved or paid).
SPENT = frozenset({"goedgekeurd", "betaald"})
#: Statuses that are a decision (the rest are open, or closed by the writer).
DECIDED = frozenset({"goedgekeurd", "betaald", "afgewezen"})
SOLVED_OTHERWISE = "elders-opgelost"
PAID = "betaald"


@dataclass(frozen=True)
class Row:
    status: str
    alternative: str
    category: str
    month: datetime.date
    requests: int
    amount: Decimal
    decided: int
    decided_within: tuple[int, ...]


@dataclass
class Dashboard:
    requests: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_alternative: dict[str, int] = field(default_factory=dict)
    solved_otherwise: int = 0
    #: solved otherwise ÷ all closed (decided or solved otherwise)
    solved_otherwise_share: Decimal | None = None
    decided: int = 0
    median_hours: int | None = None
    p90_hours: int | None = None
    spent: Decimal = Decimal(0)
    #: of which paid out (status "betaald")
    paid: Decimal = Decimal(0)
    spent_by_category: list[tuple[str, Decimal]] = field(default_factory=list)
    spent_by_month: list[tuple[datetime.date, Decimal]] = field(default_factory=list)
    #: the sections beyond the requests (reports/sections.py), set by selection.compute
    sections: object = None
    #: how many funds are in scope, and how many the last fund row adds up (0: every fund
    #: has its own row); set by selection.compute
    funds_total: int = 0
    funds_other: int = 0


def build(rows: Iterable[Row], months: list[datetime.date]) -> Dashboard:
    rows = list(rows)
    board = Dashboard()
    by_status: dict[str, int] = defaultdict(int)
    by_alternative: dict[str, int] = defaultdict(int)
    by_category: dict[str, Decimal] = defaultdict(Decimal)
    by_month: dict[datetime.date, Decimal] = {month: Decimal(0) for month in months}
    histograms = []
    for row in rows:
        board.requests += row.requests
        by_status[row.status] += row.requests
        if row.status == SOLVED_OTHERWISE:
            by_alternative[row.alternative] += row.requests
        if row.status in DECIDED:
            board.decided += row.decided
            histograms.append(row.decided_within)
        if row.status == PAID:
            board.paid += row.amount
        if row.status in SPENT:
            board.spent += row.amount
            by_category[row.category] += row.amount
            by_month[row.month] = by_month.get(row.month, Decimal(0)) + row.amount
    board.by_status = dict(sorted(by_status.items(), key=lambda kv: (-kv[1], kv[0])))
    board.by_alternative = dict(sorted(by_alternative.items(), key=lambda kv: (-kv[1], kv[0])))
    board.solved_otherwise = by_status.get(SOLVED_OTHERWISE, 0)
    closed = sum(n for status, n in by_status.items() if status in DECIDED) + (
        board.solved_otherwise
    )
    board.solved_otherwise_share = share(board.solved_otherwise, closed)
    histogram = add_histograms(histograms)
    board.median_hours = percentile_hours(histogram, board.decided, Decimal("0.5"))
    board.p90_hours = percentile_hours(histogram, board.decided, Decimal("0.9"))
    board.spent_by_category = sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))
    board.spent_by_month = sorted(by_month.items())
    return board


#: How many funds the utilisation chart shows by name; the rest are one "other funds" bar.
TOP_FUNDS = 12


def top_funds(
    rows: list[tuple[str, list]], other_label, top: int = TOP_FUNDS
) -> tuple[list[tuple[str, list]], int]:
    """The funds with the most activity (paid + reserved, then the name) and, when there are
    more than `top` + 1, one row `other_label` adding up the parts (paid, reserved, free) of
    all the others (`other_label(n)` names it): a chart a person can read at national scale (a
    municipality of 3,200 funds). The parts are cents or euros, as given. Returns the rows to
    show and how many funds the other row holds (0: none)."""
    if len(rows) <= top + 1:
        return rows, 0
    ranked = sorted(rows, key=lambda row: (-(row[1][0] + row[1][1]), row[0]))
    shown, rest = ranked[:top], ranked[top:]
    other = [sum(row[1][i] for row in rest) for i in range(len(rows[0][1]))]
    return [*shown, (other_label(len(rest)), other)], len(rest)
