"""Which cases a generic decision is about (pure Python, no Django import): a blocker of the
decision's organisation, recorded within the period, whose rule is the decision's rule or
contains it (case-insensitive). queries.py runs the same test in SQL; this module is the
definition, tested on its own and against the query."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


def normalise(text: str) -> str:
    """The rule as matched: surrounding whitespace off, lower case (SQL's icontains)."""
    return (text or "").strip().lower()


def rule_matches(blocker_rule: str, rule: str) -> bool:
    """The blocker's rule is the decision's rule or contains it, whatever the case."""
    needle = normalise(rule)
    return bool(needle) and needle in (blocker_rule or "").lower()


def in_period(day: datetime.date, start: datetime.date, end: datetime.date) -> bool:
    return start <= day <= end


@dataclass(frozen=True)
class BlockerFacts:
    case_id: int
    organisation_id: int
    rule: str
    recorded_on: datetime.date


@dataclass(frozen=True)
class Criteria:
    organisation_id: int
    rule: str
    start: datetime.date
    end: datetime.date


def affected_cases(blockers: Iterable[BlockerFacts], criteria: Criteria) -> list[int]:
    """The distinct cases with at least one matching blocker, in order of first appearance."""
    found: dict[int, None] = {}
    for blocker in blockers:
        if (
            blocker.organisation_id == criteria.organisation_id
            and in_period(blocker.recorded_on, criteria.start, criteria.end)
            and rule_matches(blocker.rule, criteria.rule)
        ):
            found.setdefault(blocker.case_id)
    return list(found)


#: Problems with the criteria, as keys the service turns into Dutch messages.
NO_PERIOD = "no-period"
END_BEFORE_START = "end-before-start"
NO_ORGANISATION = "no-organisation"
NO_RULE = "no-rule"
NEGATIVE_AMOUNT = "negative-amount"


def problems(
    *,
    organisation_id: int | None,
    rule: str,
    start: datetime.date | None,
    end: datetime.date | None,
    max_amount: Decimal | None,
) -> dict[str, str]:
    """{field: problem} for criteria that cannot select cases; empty when they can."""
    found = {}
    if organisation_id is None:
        found["organisation"] = NO_ORGANISATION
    if not normalise(rule):
        found["rule"] = NO_RULE
    if start is None:
        found["period_start"] = NO_PERIOD
    if end is None:
        found["period_end"] = NO_PERIOD
    if start is not None and end is not None and end < start:
        found["period_end"] = END_BEFORE_START
    if max_amount is not None and max_amount < 0:
        found["max_amount"] = NEGATIVE_AMOUNT
    return found
