"""How long the texts of a request may be, and what a name may contain. Pure Python: no
Django import. The models, forms, serializers and services all read these numbers."""

import unicodedata

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
#: Characters that would make a name look like HTML markup.
MARKUP = frozenset("<>")


def too_long(texts: dict[str, str]) -> list[tuple[str, int, int]]:
    """(field, maximum, length) for each text longer than its maximum."""
    return [
        (field, TEXT[field], len(text))
        for field, text in texts.items()
        if field in TEXT and text and len(text) > TEXT[field]
    ]


def is_printable_name(name: str) -> bool:
    """A name is printable text on one line: letters, digits, punctuation and spaces, but no
    control or invisible format characters and no markup characters (< and >)."""
    return all(
        char == " " or (char.isprintable() and unicodedata.category(char) not in {"Cf", "Zl", "Zp"})
        for char in name
    ) and not MARKUP.intersection(name)
