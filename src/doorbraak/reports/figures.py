"""Arithmetic of the dashboards, without Django: time to decision from a summary histogram,
shares, and periods.

The summary tables (reports/models.py) cannot keep every request's time to decision, so each
summary row keeps a cumulative histogram: for each bound in `HOUR_BOUNDS`, how many of its
decided requests were decided within that many hours. Rows add up bound by bound, and a
percentile is read off as the first bound that holds the share asked for: "the median is at
most 8 hours". The page says "at most", because that is what the figure means."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

#: Upper bounds in hours: an hour, a working day, two days, a week, a month, a quarter.
HOUR_BOUNDS: tuple[int, ...] = (1, 2, 4, 8, 24, 48, 72, 120, 168, 336, 720, 2160)


def add_histograms(histograms: Iterable[Sequence[int]]) -> list[int]:
    total = [0] * len(HOUR_BOUNDS)
    for histogram in histograms:
        for i, n in enumerate(histogram):
            total[i] += n
    return total


def percentile_hours(histogram: Sequence[int], decided: int, share: Decimal) -> int | None:
    """The smallest bound within which at least `share` (0 < share ≤ 1) of the `decided`
    requests were decided; None without decisions, and None ("longer than a quarter") when
    the share is only reached beyond the last bound."""
    if decided <= 0:
        return None
    if not Decimal(0) < share <= Decimal(1):
        raise ValueError("share must be in (0, 1]")
    needed = share * decided
    for bound, within in zip(HOUR_BOUNDS, histogram, strict=True):
        if within >= needed:
            return bound
    return None


def share(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` as a fraction with two decimals (0.20 is one in five); None of
    nothing."""
    if whole <= 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    def months(self) -> list[datetime.date]:
        """The first day of every month the period touches."""
        month = self.start.replace(day=1)
        out = []
        while month <= self.end:
            out.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return out


def check_period(start: datetime.date | None, end: datetime.date | None) -> list[str]:
    """Problems with a period, as message keys (reports/messages.py)."""
    if start is None or end is None:
        return ["period_missing"]
    if end < start:
        return ["period_backwards"]
    if (end - start).days > 366 * 10:
        return ["period_too_long"]
    return []


def default_period(today: datetime.date) -> Period:
    """The last twelve months, this one included."""
    start = today.replace(day=1)
    for _ in range(11):
        start = (start - datetime.timedelta(days=1)).replace(day=1)
    return Period(start, today)
