"""Dashboard arithmetic against hand-counted rows: one in five solved otherwise, spending per
category and month, the time to decision read from the histograms."""

import datetime
from decimal import Decimal

from doorbraak.reports import dashboard, figures
from doorbraak.reports.dashboard import Row

JAN, FEB = datetime.date(2026, 1, 1), datetime.date(2026, 2, 1)
N = len(figures.HOUR_BOUNDS)


def within(*counts_per_bound_index):
    """A cumulative histogram: (bound index, how many decided within it), carried forward."""
    out, current = [], 0
    marks = dict(counts_per_bound_index)
    for i in range(N):
        current = marks.get(i, current)
        out.append(current)
    return tuple(out)


def test_one_in_five_solved_otherwise_and_the_spending():
    rows = [
        Row("goedgekeurd", "", "Wonen", JAN, 2, Decimal("700"), 2, within((2, 1), (4, 2))),
        Row("betaald", "", "Gezondheid", FEB, 1, Decimal("350"), 1, within((6, 1))),
        Row("afgewezen", "", "Wonen", FEB, 1, Decimal("900"), 1, within((8, 1))),
        Row("elders-opgelost", "zonder-kosten", "Wonen", FEB, 1, Decimal("90"), 0, within()),
        Row("ingediend", "", "Wonen", FEB, 3, Decimal("300"), 0, within()),
    ]
    board = dashboard.build(rows, [JAN, FEB])
    assert board.requests == 8
    assert board.by_status == {
        "ingediend": 3,
        "goedgekeurd": 2,
        "afgewezen": 1,
        "betaald": 1,
        "elders-opgelost": 1,
    }
    # closed: 2 approved + 1 paid + 1 rejected + 1 solved otherwise = 5; one of them otherwise
    assert board.solved_otherwise == 1 and board.solved_otherwise_share == Decimal("0.20")
    assert board.by_alternative == {"zonder-kosten": 1}
    assert board.spent == Decimal("1050")  # approved and paid only
    assert board.spent_by_category == [("Wonen", Decimal("700")), ("Gezondheid", Decimal("350"))]
    assert board.spent_by_month == [(JAN, Decimal("700")), (FEB, Decimal("350"))]
    # four decisions: within 4 h (1), 8 h (2), 72 h (3), 168 h (4)
    assert board.decided == 4
    assert board.median_hours == figures.HOUR_BOUNDS[4]  # 2 of 4 by the 24-hour bound
    assert board.p90_hours == figures.HOUR_BOUNDS[8]


def test_nothing_gives_no_share_and_no_times():
    board = dashboard.build([], [JAN])
    assert board.solved_otherwise_share is None and board.median_hours is None
    assert board.spent_by_month == [(JAN, Decimal(0))]


def test_periods():
    assert figures.check_period(None, JAN) == ["period_missing"]
    assert figures.check_period(FEB, JAN) == ["period_backwards"]
    assert figures.check_period(JAN, FEB) == []
    assert figures.Period(datetime.date(2025, 11, 15), datetime.date(2026, 2, 3)).months() == [
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 1),
        JAN,
        FEB,
    ]
    last = figures.default_period(datetime.date(2026, 12, 1))
    assert last.start == datetime.date(2026, 1, 1) and len(last.months()) == 12


def test_one_column_per_hour_bound():
    from doorbraak.reports.models import WITHIN_FIELDS

    assert len(WITHIN_FIELDS) == len(figures.HOUR_BOUNDS)
    assert all(
        f"_{hours}h" in name for name, hours in zip(WITHIN_FIELDS, figures.HOUR_BOUNDS, strict=True)
    )
