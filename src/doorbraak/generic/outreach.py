"""The belteam's outreach rules (transitions as data, pure Python, no Django import).

A row starts as "to call". Each attempt has an outcome: reached, declined, or no answer. Reached
and declined close the row at once; after N attempts without an answer (settings
OUTREACH_MAX_ATTEMPTS, default 3) the row closes as "not reached". A closed row takes no more
attempts. services.py applies these under a row lock."""

from dataclasses import dataclass

TO_CALL = "te-bellen"
REACHED = "bereikt"
NOT_REACHED = "niet-bereikt"
DECLINED = "geweigerd"

STATUSES = (TO_CALL, REACHED, NOT_REACHED, DECLINED)
CLOSED = frozenset({REACHED, NOT_REACHED, DECLINED})

#: Outcomes of one attempt.
ANSWERED = "bereikt"
NO_ANSWER = "geen-gehoor"
REFUSED = "geweigerd"

OUTCOMES = (ANSWERED, NO_ANSWER, REFUSED)

ALLOWED: dict[str, frozenset[str]] = {
    TO_CALL: frozenset({TO_CALL, REACHED, NOT_REACHED, DECLINED}),
    REACHED: frozenset(),
    NOT_REACHED: frozenset(),
    DECLINED: frozenset(),
}


class RowClosed(Exception):
    """An attempt on a row that is already reached, declined or not reached."""


class UnknownOutcome(Exception):
    """An outcome that is not one of OUTCOMES."""


def is_closed(status: str) -> bool:
    return status in CLOSED


def after_attempt(status: str, attempts: int, outcome: str, max_attempts: int) -> tuple[str, int]:
    """(new status, new number of attempts) after one attempt with `outcome`.

    `attempts` is the number made before this one; `max_attempts` at least 1."""
    if status not in STATUSES:
        raise ValueError(status)
    if is_closed(status):
        raise RowClosed(status)
    if outcome not in OUTCOMES:
        raise UnknownOutcome(outcome)
    made = attempts + 1
    if outcome == ANSWERED:
        new = REACHED
    elif outcome == REFUSED:
        new = DECLINED
    else:
        new = NOT_REACHED if made >= max(1, max_attempts) else TO_CALL
    assert new in ALLOWED[status]
    return new, made


@dataclass(frozen=True)
class Progress:
    total: int = 0
    to_call: int = 0
    reached: int = 0
    not_reached: int = 0
    declined: int = 0

    @property
    def done(self) -> int:
        return self.reached + self.not_reached + self.declined

    @property
    def share_reached(self) -> int:
        """Reached as a whole percentage of all rows (0 when there are none)."""
        return round(100 * self.reached / self.total) if self.total else 0

    @property
    def share_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress(counts: dict[str, int]) -> Progress:
    """Progress figures from {status: number of rows}; unknown statuses are ignored."""
    known = {status: int(counts.get(status, 0)) for status in STATUSES}
    return Progress(
        total=sum(known.values()),
        to_call=known[TO_CALL],
        reached=known[REACHED],
        not_reached=known[NOT_REACHED],
        declined=known[DECLINED],
    )
