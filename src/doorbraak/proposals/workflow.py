"""Which request status may follow which (state transitions as data). Pure Python."""

SUBMITTED, APPROVED, REJECTED = "ingediend", "goedgekeurd", "afgewezen"
WITHDRAWN, PAID, SOLVED_OTHERWISE = "ingetrokken", "betaald", "elders-opgelost"

ALLOWED = {
    SUBMITTED: {APPROVED, REJECTED, WITHDRAWN, SOLVED_OTHERWISE},
    APPROVED: {PAID, WITHDRAWN, SOLVED_OTHERWISE},
    REJECTED: set(),
    WITHDRAWN: set(),
    PAID: set(),
    SOLVED_OTHERWISE: set(),
}

#: Every request ends in one of these.
FINAL = frozenset({REJECTED, WITHDRAWN, PAID, SOLVED_OTHERWISE})


def may_change(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, set())
