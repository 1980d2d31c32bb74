"""Which items form a pattern: the rules, without Django, database or text model.

An *item* is a blocker or a signal; it brings the cases it is about (a blocker: its case; a
signal: the cases of the blockers linked to it, possibly none). A pattern needs items from at
least `min_cases` distinct cases: two blockers of one case count once.

Matching one new item (services call these in this order):
1. `best_pattern`: the most similar existing pattern of the same organisation (similarity to
   the pattern's reference item) at or above the threshold: the item joins it.
2. otherwise `new_group`: the new item plus every unassigned similar item of the same
   organisation within the window; when they span `min_cases` distinct cases they become a
   candidate pattern with the new item as its reference.
Items of a dismissed pattern are never unassigned again, so a dismissed pattern does not come
back for the same items. A full recompute replays the items in the order they were recorded.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

MIN_CASES_FLOOR = 2


class ParameterError(ValueError):
    """A pattern setting out of range; `code` names which (messages are Dutch, elsewhere)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Parameters:
    min_cases: int = 3
    window_months: int = 12
    threshold: float = 0.38

    def __post_init__(self):
        check(self.min_cases, self.window_months, self.threshold)


def check(min_cases, window_months, threshold) -> None:
    """Refuse k below 2 (one case is no pattern), an empty window and a threshold outside
    (0, 1]. Booleans and floats are not counts."""
    if isinstance(min_cases, bool) or not isinstance(min_cases, int):
        raise ParameterError("min_cases")
    if min_cases < MIN_CASES_FLOOR:
        raise ParameterError("min_cases")
    if isinstance(window_months, bool) or not isinstance(window_months, int) or window_months < 1:
        raise ParameterError("window_months")
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise ParameterError("threshold")
    if not 0 < threshold <= 1:
        raise ParameterError("threshold")


def distinct_cases(case_sets: Iterable[Iterable[int]]) -> int:
    seen: set[int] = set()
    for cases in case_sets:
        seen.update(cases)
    return len(seen)


def best_pattern(scores: Mapping[int, float], threshold: float) -> int | None:
    """The pattern (id) with the highest score at or above `threshold`; ties: lowest id."""
    fitting = [(-score, pattern) for pattern, score in scores.items() if score >= threshold]
    return min(fitting)[1] if fitting else None


def new_group(
    new: int,
    scores: Mapping[int, float],
    cases: Mapping[int, Iterable[int]],
    params: Parameters,
) -> list[int] | None:
    """`new` plus the unassigned items scoring at or above the threshold, if together they
    span at least `min_cases` distinct cases; else None. Sorted, `new` included."""
    members = {new} | {item for item, score in scores.items() if score >= params.threshold}
    if distinct_cases(cases.get(item, ()) for item in members) < params.min_cases:
        return None
    return sorted(members)


def window_start(today: datetime.date, months: int) -> datetime.date:
    """The first day counted: `months` calendar months before `today` (the day clamped to
    the month's length, so 31 March minus one month is 28 or 29 February)."""
    if months < 1:
        raise ParameterError("window_months")
    index = today.year * 12 + today.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    days = [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return datetime.date(year, month, min(today.day, days[month - 1]))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def cases_per_month(items: Iterable[tuple[datetime.date, int]]) -> list[tuple[str, int]]:
    """("2025-03", number of distinct cases with an item that month), oldest month first;
    months without items in between are listed with 0, so a trend reads as a series."""
    by_month: dict[tuple[int, int], set[int]] = {}
    for day, case in items:
        by_month.setdefault((day.year, day.month), set()).add(case)
    if not by_month:
        return []
    first, last = min(by_month), max(by_month)
    rows = []
    year, month = first
    while (year, month) <= last:
        rows.append((f"{year:04d}-{month:02d}", len(by_month.get((year, month), ()))))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return rows
