"""The pause button's dates and limits (seed 002, "Fraude of pleinvrees"). Pure Python, no
Django import.

A pause stops the end of a benefit or a sanction for a number of whole weeks (8 by default),
from its first day; it ends on the day before the same weekday `weeks` weeks later, so a pause
of 8 weeks covers exactly 56 days, across month ends and 29 February alike. The review date
lies within the pause (on or after the first day, on or before the last) and not in the past.
A pause longer than the configured maximum needs a second person's approval before it takes
effect."""

import datetime
from dataclasses import dataclass

DEFAULT_WEEKS = 8
#: No pause runs longer than this, whoever approves it (a year).
ABSOLUTE_MAX_WEEKS = 52

CONTINUE = "voortzetten"
ADJUST = "aanpassen"
END = "beeindigen"
OUTCOMES = (CONTINUE, ADJUST, END)


def last_day(start: datetime.date, weeks: int) -> datetime.date:
    """The last day of a pause of `weeks` weeks starting on `start` (inclusive)."""
    return start + datetime.timedelta(days=7 * weeks - 1)


def default_review(start: datetime.date, weeks: int) -> datetime.date:
    """A week before the pause ends, so there is time to act on the outcome (the first day
    for a pause of one week)."""
    return max(start, last_day(start, weeks) - datetime.timedelta(days=7))


def needs_approval(weeks: int, max_weeks: int) -> bool:
    return weeks > max_weeks


@dataclass(frozen=True)
class Draft:
    start: datetime.date | None
    weeks: int | None
    review: datetime.date | None


def check(draft: Draft, *, today: datetime.date) -> dict[str, str]:
    """Problems per field, as message keys (messages.py has the Dutch text)."""
    found: dict[str, str] = {}
    if draft.start is None:
        found["starts_on"] = "start_missing"
    elif draft.start < today - datetime.timedelta(days=31):
        found["starts_on"] = "start_too_early"
    if draft.weeks is None:
        found["weeks"] = "weeks_missing"
    elif not 1 <= draft.weeks <= ABSOLUTE_MAX_WEEKS:
        found["weeks"] = "weeks_range"
    if draft.review is None:
        found["review_on"] = "review_missing"
    elif draft.review < today:
        found["review_on"] = "review_past"
    elif (
        draft.start is not None
        and draft.weeks is not None
        and "weeks" not in found
        and not draft.start <= draft.review <= last_day(draft.start, draft.weeks)
    ):
        found["review_on"] = "review_outside"
    return found


def is_due(review: datetime.date, today: datetime.date) -> bool:
    return review <= today
