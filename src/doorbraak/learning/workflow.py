"""Which signal status may follow which, and which pattern decisions exist (transitions as
data, pure Python). services.py enforces them under a row lock."""

NEW = "nieuw"
INVESTIGATING = "in-onderzoek"
LINKED = "gekoppeld"
CLOSED = "gesloten"

SIGNAL_ALLOWED: dict[str, frozenset[str]] = {
    NEW: frozenset({INVESTIGATING, LINKED, CLOSED}),
    INVESTIGATING: frozenset({LINKED, CLOSED}),
    LINKED: frozenset({INVESTIGATING, CLOSED}),
    CLOSED: frozenset({INVESTIGATING}),  # reopened when it turns out to matter after all
}

#: Moving to these needs more than the status: a pattern to link to, a reason to close.
NEEDS_PATTERN = frozenset({LINKED})
NEEDS_REASON = frozenset({CLOSED})

CANDIDATE = "kandidaat"
CONFIRMED = "bevestigd"
DISMISSED = "afgewezen"

PATTERN_ALLOWED: dict[str, frozenset[str]] = {
    CANDIDATE: frozenset({CONFIRMED, DISMISSED}),
    CONFIRMED: frozenset(),
    DISMISSED: frozenset(),
}

#: Patterns that still take new items (a dismissed one keeps its items and takes no more).
OPEN_PATTERNS = frozenset({CANDIDATE, CONFIRMED})


def may_follow(allowed: dict[str, frozenset[str]], current: str, new: str) -> bool:
    return new in allowed.get(current, frozenset())
