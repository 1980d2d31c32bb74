"""Werktafels and structural solutions: the rules, pure Python (no Django import, no clock).

A werktafel works on one pattern in sessions (Tilburg: three of about three hours, seed 002);
each session has a date. A structural solution moves one step at a time, never back:
proposed → agreed → implemented → evaluated, each step with the date it happened (not in the
future, not before the step before it); the evaluation says what it brought. A national
policy signal can be sent on to the Maatwerkloket once it is agreed, and only once.

`before_after` compares the pattern's new cases per month in the whole months after the
solution was implemented with as many whole months before it ("minder casussen aan tafel").
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Statuses of a structural solution, in order.
PROPOSED = "voorgesteld"
AGREED = "afgesproken"
IMPLEMENTED = "ingevoerd"
EVALUATED = "geevalueerd"
STATUSES = (PROPOSED, AGREED, IMPLEMENTED, EVALUATED)

#: Which status may follow which: exactly the next one (transitions as data).
ALLOWED: dict[str, frozenset[str]] = {
    current: frozenset({following})
    for current, following in zip(STATUSES[:-1], STATUSES[1:], strict=True)
}
ALLOWED[EVALUATED] = frozenset()

#: Solutions still waiting for a next step (the beleidsadviseur's start page).
OPEN = frozenset({PROPOSED, AGREED, IMPLEMENTED})

# Kinds of structural solution.
RULE_CHANGE = "regelwijziging"
PROCESS_CHANGE = "proceswijziging"
PARTNER_AGREEMENT = "afspraak-partner"
NATIONAL_SIGNAL = "signaal-landelijk"
KINDS = (RULE_CHANGE, PROCESS_CHANGE, PARTNER_AGREEMENT, NATIONAL_SIGNAL)

# Werktafel statuses.
RUNNING = "lopend"
FINISHED = "afgerond"

#: Tilburg: "we doen drie sessies per patroon".
DEFAULT_SESSIONS = 3
MAX_SESSIONS = 12
MAX_PARTICIPANTS = 40
#: The planned dates of new sessions: two weeks apart unless the form says otherwise.
SESSION_INTERVAL_DAYS = 14
#: At most this many months are compared before and after.
COMPARE_MONTHS = 12


def may_follow(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, frozenset())


def next_status(current: str) -> str | None:
    following = ALLOWED.get(current, frozenset())
    return next(iter(following)) if following else None


@dataclass(frozen=True)
class StepDraft:
    current: str
    new: str
    on: datetime.date | None
    previous_on: datetime.date | None
    today: datetime.date
    evaluation: str = ""


def check_step(draft: StepDraft) -> list[tuple[str, str]]:
    """What refuses moving a solution from `current` to `new` on the date `on`."""
    if draft.new not in STATUSES:
        return [("status", "status_invalid")]
    if not may_follow(draft.current, draft.new):
        if STATUSES.index(draft.new) <= STATUSES.index(draft.current):
            return [("status", "status_backwards")]
        return [("status", "status_skipped")]
    problems: list[tuple[str, str]] = []
    if draft.on is None:
        problems.append(("on", "step_date_missing"))
    elif draft.on > draft.today:
        problems.append(("on", "step_date_future"))
    elif draft.previous_on is not None and draft.on < draft.previous_on:
        problems.append(("on", "step_date_before_previous"))
    if draft.new == EVALUATED and not draft.evaluation.strip():
        problems.append(("evaluation", "evaluation_missing"))
    return problems


@dataclass(frozen=True)
class SolutionDraft:
    title: str
    kind: str
    owner_chosen: bool
    owner_text: str
    proposed_on: datetime.date | None
    today: datetime.date


def check_solution(draft: SolutionDraft) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not draft.title.strip():
        problems.append(("title", "title_missing"))
    if draft.kind not in KINDS:
        problems.append(("kind", "kind_missing"))
    if draft.owner_chosen and draft.owner_text.strip():
        problems.append(("owner_text", "owner_twice"))
    elif not draft.owner_chosen and not draft.owner_text.strip():
        problems.append(("owner", "owner_missing"))
    if draft.proposed_on is None:
        problems.append(("proposed_on", "step_date_missing"))
    elif draft.proposed_on > draft.today:
        problems.append(("proposed_on", "step_date_future"))
    return problems


def check_worktable(
    title: str, session_dates: list[datetime.date | None], participants: int
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not title.strip():
        problems.append(("title", "title_missing"))
    if not session_dates:
        problems.append(("sessions", "sessions_missing"))
    elif len(session_dates) > MAX_SESSIONS:
        problems.append(("sessions", "sessions_too_many"))
    for n, day in enumerate(session_dates):
        if day is None:
            problems.append((f"session{n + 1}", "session_date_missing"))
    if participants < 1:
        problems.append(("organisations", "participants_missing"))
    elif participants > MAX_PARTICIPANTS:
        problems.append(("departments", "participants_too_many"))
    return problems


def check_session(
    on: datetime.date | None, held: bool, today: datetime.date
) -> list[tuple[str, str]]:
    if on is None:
        return [("date", "session_date_missing")]
    if held and on > today:
        return [("held", "held_in_future")]
    return []


def default_session_dates(first: datetime.date, count: int = DEFAULT_SESSIONS) -> list:
    return [first + datetime.timedelta(days=SESSION_INTERVAL_DAYS * n) for n in range(count)]


def check_send(
    *,
    kind: str,
    status: str,
    already_sent: bool,
    on: datetime.date | None,
    today: datetime.date,
    recipient: str,
) -> list[tuple[str, str]]:
    """A national policy signal goes to the Maatwerkloket once it is agreed, once."""
    if kind != NATIONAL_SIGNAL:
        return [("__all__", "not_a_national_signal")]
    if already_sent:
        return [("__all__", "already_sent")]
    if STATUSES.index(status) < STATUSES.index(AGREED):
        return [("__all__", "send_before_agreed")]
    problems: list[tuple[str, str]] = []
    if on is None:
        problems.append(("sent_on", "step_date_missing"))
    elif on > today:
        problems.append(("sent_on", "step_date_future"))
    if not recipient.strip():
        problems.append(("recipient", "recipient_missing"))
    return problems


# --- before and after ------------------------------------------------------------------------


def _month(day: datetime.date) -> tuple[int, int]:
    return (day.year, day.month)


def _shift(month: tuple[int, int], n: int) -> tuple[int, int]:
    index = month[0] * 12 + month[1] - 1 + n
    return (index // 12, index % 12 + 1)


def _label(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


@dataclass(frozen=True)
class BeforeAfter:
    """New cases per month: `before` and `after` as (month "YYYY-MM", cases), oldest first,
    equally many months each, around the month of implementation (itself left out)."""

    implemented_month: str
    before: tuple[tuple[str, int], ...]
    after: tuple[tuple[str, int], ...]

    @property
    def months(self) -> int:
        return len(self.after)

    @property
    def before_total(self) -> int:
        return sum(n for _, n in self.before)

    @property
    def after_total(self) -> int:
        return sum(n for _, n in self.after)

    def _average(self, total: int) -> Decimal | None:
        if not self.months:
            return None
        return (Decimal(total) / self.months).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def before_average(self) -> Decimal | None:
        return self._average(self.before_total)

    @property
    def after_average(self) -> Decimal | None:
        return self._average(self.after_total)

    @property
    def change_percent(self) -> int | None:
        """After against before in whole percents (−100 … ); None without months or cases before."""
        if not self.months or not self.before_total:
            return None
        change = (Decimal(self.after_total - self.before_total) * 100) / self.before_total
        return int(change.quantize(Decimal("1"), ROUND_HALF_UP))


def first_seen(items: Iterable[tuple[datetime.date, int]]) -> dict[int, datetime.date]:
    """Each case's first day in the pattern, from (day, case) of the pattern's items."""
    first: dict[int, datetime.date] = {}
    for day, case in items:
        if case not in first or day < first[case]:
            first[case] = day
    return first


def before_after(
    items: Iterable[tuple[datetime.date, int]],
    implemented_on: datetime.date,
    today: datetime.date,
    max_months: int = COMPARE_MONTHS,
) -> BeforeAfter:
    """A case counts once, in the month it first appeared in the pattern. The months after are
    the whole months between the month of implementation and this month (both left out: the
    first is neither before nor after, this one is not over), at most `max_months`; the
    months before are as many, directly before the month of implementation."""
    implemented = _month(implemented_on)
    current = _month(today)
    whole_after = (current[0] * 12 + current[1]) - (implemented[0] * 12 + implemented[1]) - 1
    months = max(0, min(max_months, whole_after))
    per_month: dict[tuple[int, int], int] = {}
    for day in first_seen(items).values():
        per_month[_month(day)] = per_month.get(_month(day), 0) + 1
    before = tuple(
        (_label(m), per_month.get(m, 0))
        for m in (_shift(implemented, -n) for n in range(months, 0, -1))
    )
    after = tuple(
        (_label(m), per_month.get(m, 0))
        for m in (_shift(implemented, n) for n in range(1, months + 1))
    )
    return BeforeAfter(_label(implemented), before, after)
