"""How long the texts of a request may be, and what a name may contain. Pure Python: no
Django import. The models, forms, serializers and services all read these numbers."""

from doorbraak import text_limits

#: The value triangle's texts: each side, or why it does not apply.
TRIANGLE_TEXTS = (
    "legitimacy",
    "legitimacy_na",
    "involvement",
    "involvement_na",
    "societal_return",
    "societal_return_na",
)

#: Maximum number of characters per free-text field. A request is read in minutes by
#: colleagues; a page of text per field is the most anyone needs.
TEXT = {
    "solution": 2000,
    "prior_provisions_note": 1000,
    "recurrence_prevention": 1000,
    "legitimacy": 2000,
    "legitimacy_na": 1000,
    "involvement": 2000,
    "involvement_na": 1000,
    "societal_return": 2000,
    "societal_return_na": 1000,
    "outcome_note": 1000,
}
#: Short explanations: withdrawing, closing, a vote's comment.
NOTE = 1000
#: A supplier or creditor's name goes into a SEPA transfer, whose name field holds 70.
NAME = 70


def too_long(texts: dict[str, str]) -> list[tuple[str, int, int]]:
    """(field, maximum, length) for each text longer than its maximum."""
    found = []
    for field, text in texts.items():
        used = text_limits.excess_length(text, TEXT[field]) if field in TEXT else None
        if used is not None:
            found.append((field, TEXT[field], used))
    return found


def is_printable_name(name: str) -> bool:
    """A name is printable text on one line: no markup (< and >) and no control or invisible
    characters (the shared rule in `text_limits`)."""
    return text_limits.name_problem(name) is None
