"""A signal's funnel as data: received → approached (letter, phone, visit; again as often as
needed) → reached → help accepted, or closed with a reason at any step before. The first
contact attempt is due within the statutory term after the signal came in. Pure Python."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

RECEIVED = "ontvangen"
APPROACHED = "benaderd"
REACHED = "bereikt"
ACCEPTED = "hulp-geaccepteerd"
CLOSED = "afgesloten"
STATUSES = (RECEIVED, APPROACHED, REACHED, ACCEPTED, CLOSED)

LETTER = "brief"
PHONE = "telefoon"
VISIT = "huisbezoek"
METHODS = (LETTER, PHONE, VISIT)

CLOSE_REASONS = (
    "opgelost",  # the arrear was paid or a payment arrangement was made
    "niet-bereikt",  # no contact after the attempts
    "hulp-geweigerd",  # reached, declined help
    "al-in-hulp",  # already known to schuldhulpverlening or another helper
    "verhuisd",  # moved out of the municipality
    "anders",
)

#: Which step may follow which (approach again: a second letter, then a visit).
ALLOWED = {
    RECEIVED: {APPROACHED, CLOSED},
    APPROACHED: {APPROACHED, REACHED, CLOSED},
    REACHED: {ACCEPTED, CLOSED},
    ACCEPTED: set(),
    CLOSED: set(),
}

#: Default term for the first contact attempt, in days (see docs/earlysignals.md for the source).
DEFAULT_FIRST_CONTACT_DAYS = 28


def may_move(current: str, target: str) -> bool:
    return target in ALLOWED.get(current, set())


def may_become_case(status: str, has_case: bool) -> bool:
    """A household that was reached (or accepted help) becomes a case once."""
    return status in (REACHED, ACCEPTED) and not has_case


def due_on(received_on: datetime.date, days: int) -> datetime.date:
    return received_on + datetime.timedelta(days=days)


def is_overdue(status: str, received_on: datetime.date, today: datetime.date, days: int) -> bool:
    """No contact attempt yet and the term has passed."""
    return status == RECEIVED and today > due_on(received_on, days)


def overdue_cutoff(today: datetime.date, days: int) -> datetime.date:
    """Signals received before this date with no attempt are overdue."""
    return today - datetime.timedelta(days=days)


@dataclass(frozen=True)
class Funnel:
    received: int = 0
    approached: int = 0
    reached: int = 0
    accepted: int = 0

    def as_list(self) -> list[int]:
        return [self.received, self.approached, self.reached, self.accepted]

    def __add__(self, other: "Funnel") -> "Funnel":
        return Funnel(*(a + b for a, b in zip(self.as_list(), other.as_list(), strict=True)))


def share(part: int, whole: int) -> Decimal:
    """`part` as an exact fraction of `whole` (0 when there is no whole), for
    `formatting.percent`: no float on the way to a figure people read."""
    return Decimal(part) / Decimal(whole) if whole else Decimal(0)
