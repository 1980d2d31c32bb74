"""The statutory terms of a Wmo indication (samen indiceren, seed 002 Twente). Pure Python, no
Django import.

- Wmo 2015 art. 2.3.2 lid 1: the investigation (onderzoek) is done "zo spoedig mogelijk, doch
  uiterlijk binnen zes weken na ontvangst van de melding".
- Wmo 2015 art. 2.3.5 lid 1: the college decides "binnen twee weken na ontvangst van de
  aanvraag".

A term of weeks counted from a day of receipt ends on the same weekday that many weeks later
(6 weeks: 42 days): melding 2028-01-18 → investigation due 2028-02-29, across the month end and
the leap day alike. The Algemene termijnenwet (art. 1 and 3) extends a statutory term that ends
on a Saturday, Sunday or public holiday to the next day that is none of these; `due` applies it,
`plain_end` is the unextended end.

In Doorbraak the investigation of a samen-indiceren case is concluded when the Wmo consultant
concludes the adviser's advice (agrees or adjusts): the adviser has no mandate, the municipality
decides (seed 002). The same review is the decision on the aanvraag; both terms are checked
against its date.
"""

import datetime
from dataclasses import dataclass

INVESTIGATION_WEEKS = 6  # Wmo 2015 art. 2.3.2 lid 1
DECISION_WEEKS = 2  # Wmo 2015 art. 2.3.5 lid 1


def easter(year: int) -> datetime.date:
    """Easter Sunday (Gregorian calendar; the anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month, day = divmod(h + j - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def holidays(year: int) -> frozenset[datetime.date]:
    """The public holidays of Algemene termijnenwet art. 3 lid 1 that can fall on a weekday:
    Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, both Christmas days,
    the King's birthday as celebrated (27 April, 26 April when that is a Sunday) and 5 May."""
    sunday = easter(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = datetime.date(year, 4, 26)
    return frozenset(
        {
            datetime.date(year, 1, 1),
            sunday + datetime.timedelta(days=1),
            sunday + datetime.timedelta(days=39),
            sunday + datetime.timedelta(days=50),
            kings_day,
            datetime.date(year, 5, 5),
            datetime.date(year, 12, 25),
            datetime.date(year, 12, 26),
        }
    )


def is_day_off(day: datetime.date) -> bool:
    return day.weekday() >= 5 or day in holidays(day.year)


def plain_end(received: datetime.date, weeks: int) -> datetime.date:
    """The last day of a term of `weeks` weeks after receipt on `received`."""
    return received + datetime.timedelta(weeks=weeks)


def due(received: datetime.date, weeks: int) -> datetime.date:
    """The last day of the term, extended past weekends and holidays (Algemene termijnenwet)."""
    end = plain_end(received, weeks)
    while is_day_off(end):
        end += datetime.timedelta(days=1)
    return end


def investigation_due(reported_on: datetime.date) -> datetime.date:
    return due(reported_on, INVESTIGATION_WEEKS)


def decision_due(applied_on: datetime.date) -> datetime.date:
    return due(applied_on, DECISION_WEEKS)


@dataclass(frozen=True)
class Terms:
    """Both terms of one indication and where they stand on `today`."""

    investigation_due: datetime.date
    decision_due: datetime.date | None  # None: no aanvraag received yet
    investigation_overdue: bool
    decision_overdue: bool
    investigation_late: bool  # concluded after its term
    decision_late: bool

    @property
    def overdue(self) -> bool:
        return self.investigation_overdue or self.decision_overdue

    @property
    def late(self) -> bool:
        return self.investigation_late or self.decision_late


def terms(
    *,
    reported_on: datetime.date,
    applied_on: datetime.date | None,
    decided_on: datetime.date | None,
    today: datetime.date,
) -> Terms:
    """Overdue: still open after the last day of a term. Late: concluded after it."""
    inv = investigation_due(reported_on)
    dec = decision_due(applied_on) if applied_on is not None else None
    open_ = decided_on is None
    return Terms(
        investigation_due=inv,
        decision_due=dec,
        investigation_overdue=open_ and today > inv,
        decision_overdue=open_ and dec is not None and today > dec,
        investigation_late=not open_ and decided_on > inv,
        decision_late=not open_ and dec is not None and decided_on > dec,
    )


AGREED = "akkoord"
ADJUSTED = "aangepast"


def counts_as_reviewed(outcome: str, questioned: bool) -> bool:
    """An indication counts for the agreement rate once the consultant acted on it: asked a
    question, agreed or adjusted it."""
    return questioned or outcome in (AGREED, ADJUSTED)


def counts_as_agreed(outcome: str, questioned: bool) -> bool:
    """Agreed as the adviser wrote it: agreed, and never questioned. A questioned indication
    counts as not agreed even when agreed after the answer (the pilot's "1 of 13 questioned"
    is 12 of 13 agreed); an adjusted one is not agreed either."""
    return outcome == AGREED and not questioned


def agreement_rate(agreed: int, reviewed: int) -> float | None:
    """The share of reviewed indications agreed as written; None when none was reviewed."""
    if reviewed <= 0:
        return None
    return agreed / reviewed
