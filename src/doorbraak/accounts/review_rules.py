"""The periodic access review's rules (BIO, issue 16 item 6). Pure Python: no Django import.

Every active account is confirmed by its team leader (or the functional administrator) once
per review period. An account whose last confirmation is older than the period is due; when
it stays due longer than the term it is overdue and flagged to the functional administrator.
A new account is due from the day it was made."""

import datetime
from enum import StrEnum

from .roles import Role


class ReviewState(StrEnum):
    CONFIRMED = "bevestigd"
    DUE = "te-beoordelen"
    OVERDUE = "verlopen"


def due_since(
    last_confirmed: datetime.datetime | None,
    joined: datetime.datetime,
    period: datetime.timedelta,
) -> datetime.datetime:
    return last_confirmed + period if last_confirmed is not None else joined


def review_state(
    *,
    last_confirmed: datetime.datetime | None,
    joined: datetime.datetime,
    now: datetime.datetime,
    period: datetime.timedelta,
    term: datetime.timedelta,
) -> ReviewState:
    since = due_since(last_confirmed, joined, period)
    if last_confirmed is not None and now < since:
        return ReviewState.CONFIRMED
    return ReviewState.OVERDUE if now - since > term else ReviewState.DUE


def may_review(
    *,
    reviewer_id: int,
    reviewer_role: str,
    reviewer_team_id: int | None,
    person_id: int,
    person_team_id: int | None,
) -> bool:
    """A team leader reviews the other people of their own team; the functional administrator
    reviews everyone else. Nobody confirms their own access."""
    if reviewer_id == person_id:
        return False
    if reviewer_role == Role.BEHEERDER:
        return True
    return (
        reviewer_role == Role.TEAMLEIDER
        and reviewer_team_id is not None
        and reviewer_team_id == person_team_id
    )
