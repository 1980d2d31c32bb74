"""How long a piece of text may be, and which characters a name may hold. Pure Python.

One place for the limits, so every form, service, serializer and model uses the same numbers.
The Django side (validators, model fields, the helpers services call) is `text_validators`.
"""

import unicodedata

# Names of people, households, organisations, funds and suppliers.
NAME = 200
# One-line labels, titles and references.
SHORT_TEXT = 200
# One explanation: a reason, an effect, a note, a comment.
TEXT = 2_000
# Longer writing: a support plan section, a proposal's solution, a source description.
LONG_TEXT = 5_000

# Characters that make a name look like markup. A name is shown in pages, e-mails, PDFs and
# SEPA files; none of them needs these.
MARKUP_CHARACTERS = frozenset("<>")


def text_length(value: str) -> int:
    """Length as the person typed it: a line break counts once, also when a browser sends
    it as CR LF."""
    return len(value.replace("\r\n", "\n"))


def excess_length(value: str | None, limit: int) -> int | None:
    """The length used when `value` is longer than `limit`, else None."""
    if not value:
        return None
    used = text_length(value)
    return used if used > limit else None


def name_problem(value: str | None) -> str | None:
    """Why `value` is not a printable name: "markup" (`<` or `>`), "control" (a line break,
    tab or other invisible control or format character), or None when it is fine."""
    if not value:
        return None
    if any(ch in MARKUP_CHARACTERS for ch in value):
        return "markup"
    for ch in value:
        if ch == " ":
            continue
        if unicodedata.category(ch)[0] in ("C", "Z"):
            # Cc control, Cf format (zero-width), Cs/Co/Cn, and separators other than the
            # plain space (line/paragraph separators, odd spaces that hide in names).
            return "control"
    return None


def group_thousands(number: int, separator: str = ".") -> str:
    """12345 → "12.345" (Dutch grouping by default)."""
    sign = "-" if number < 0 else ""
    digits = str(abs(int(number)))
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + separator.join(groups)
