"""Which escalation status may follow which (state transitions as data). Pure Python.

An escalation is one item (a request, or an open blocker without one) at one level of the
route. It is open until that level decides: it goes one level up (a new escalation at the
next level continues the item), is solved here, is solved in the voortraject (counted as an
outcome, not a failure), is not suitable for this route, or is withdrawn.
"""

OPEN = "open"
ESCALATED = "doorgeschaald"
SOLVED = "opgelost"
SOLVED_EARLY = "opgelost-voortraject"
NOT_SUITABLE = "niet-geschikt"
WITHDRAWN = "ingetrokken"

STATUSES = (OPEN, ESCALATED, SOLVED, SOLVED_EARLY, NOT_SUITABLE, WITHDRAWN)

ALLOWED = {
    OPEN: frozenset({ESCALATED, SOLVED, SOLVED_EARLY, NOT_SUITABLE, WITHDRAWN}),
    ESCALATED: frozenset(),
    SOLVED: frozenset(),
    SOLVED_EARLY: frozenset(),
    NOT_SUITABLE: frozenset(),
    WITHDRAWN: frozenset(),
}

#: Every escalation ends in one of these.
FINAL = frozenset(s for s, following in ALLOWED.items() if not following)
#: Outcomes where the item was solved: both count as a success.
SOLVED_OUTCOMES = frozenset({SOLVED, SOLVED_EARLY})
#: What a level's deciders record (escalating further is done by escalating the item).
DECISIONS = (SOLVED, SOLVED_EARLY, NOT_SUITABLE)
#: Who may do what: the level's deciders decide; the item's professional may withdraw.
DECIDER_OUTCOMES = frozenset(DECISIONS)
OWNER_OUTCOMES = frozenset({WITHDRAWN})


def may_change(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, frozenset())


def is_closed(status: str) -> bool:
    return status in FINAL
