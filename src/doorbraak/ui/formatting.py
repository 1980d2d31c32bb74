"""Numbers, amounts, percentages, dates and short labels as a Dutch reader reads them.
Pure Python: no Django import.

Used where text is stored once and read later (a timeline entry), and by the template filters
in `templatetags/money.py` when the page is in Dutch.

    euro(Decimal("7500"))       → "€ 7.500,00"
    percent(Decimal("0.0916"))  → "9,2 %"
    month(date(2026, 10, 1))    → "okt."
    shorten("Woningcorporatie wil geen sleutel", 20) → "Woningcorporatie wil…"
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Taaladvies: abbreviations with a full stop; "mei" is the whole word.
MONTHS_SHORT = (
    "jan.",
    "feb.",
    "mrt.",
    "apr.",
    "mei",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
)
ELLIPSIS = "…"


#: Amounts with this many digits before the point or more are not formatted (no fund holds
#: 10^15 euros; a Decimal of 10^999999 would take the quantize below past its precision).
_LARGEST_DIGITS = 15


def to_decimal(value) -> Decimal | None:
    """A Decimal from a Decimal, int, str ("350.00") or None; floats through their str."""
    if value is None or value == "":
        return None
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    # "NaN", "Infinity" and "1e999999" are Decimals but no amount anyone can read
    return amount if amount.is_finite() and amount.adjusted() < _LARGEST_DIGITS else None


def _group(digits: str, separator: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def number(value, places: int | None = None, *, decimal: str = ",", thousands: str = ".") -> str:
    """Dutch number: thousands grouped with ".", decimals after ",". `places` rounds half up;
    None keeps the value's own decimals."""
    amount = to_decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    if places is not None:
        amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 and amount != 0 else ""
    text = f"{abs(amount):f}"
    whole, _, fraction = text.partition(".")
    out = sign + _group(whole, thousands)
    return f"{out}{decimal}{fraction}" if fraction else out


def euro(value) -> str:
    """ "€ 7.500,00"; a negative amount "€ -350,00"; empty for None."""
    amount = to_decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    return f"€ {number(amount, 2)}"


def percent(fraction, places: int = 1) -> str:
    """A fraction as a Dutch percentage: 0.0916 → "9,2 %", 0.25 → "25 %" (no ",0")."""
    amount = to_decimal(fraction)
    if amount is None:
        return "" if fraction is None else str(fraction)
    text = number(amount * 100, places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text} %"


def month(day: datetime.date) -> str:
    """The month's Dutch abbreviation: "okt.", "mei"."""
    return MONTHS_SHORT[day.month - 1]


def date(day: datetime.date) -> str:
    """ "30 okt. 2026"."""
    return f"{day.day} {month(day)} {day.year}"


def date_time(moment: datetime.datetime, *, year: bool = True) -> str:
    """ "30 okt. 2026 14:05" (local time of `moment` as given); without year "30 okt. 14:05"."""
    day = date(moment) if year else f"{moment.day} {month(moment)}"
    return f"{day} {moment:%H:%M}"


# An amount written by older code as "€ 350.00" or "€ 7500.00" (two decimals after a point,
# no grouping). A Dutch amount ("€ 7.500,00") does not match: after "7.500" comes ",".
_OLD_EURO = re.compile(r"€\s?(-?\d+)\.(\d{2})(?![\d.,])")


def dutch_amounts(text: str) -> str:
    """Rewrite old "€ 350.00" amounts in stored text to "€ 350,00"; other text unchanged."""
    if not text or "€" not in text:
        return text
    return _OLD_EURO.sub(lambda m: euro(Decimal(f"{m.group(1)}.{m.group(2)}")), text)


def shorten(text: str, limit: int) -> str:
    """`text` on one line in at most `limit` characters. Longer text is cut at the last word
    boundary that fits and ends in "…"; a single word longer than the limit is cut inside it."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    room = text[: limit - 1]
    if text[limit - 1] != " ":
        cut = room.rfind(" ")
        if cut > 0:
            room = room[:cut]
    return room.rstrip(" ,;:.-–—") + ELLIPSIS
