"""Amounts typed by people, in Dutch or plain notation, to `Decimal` (no Django import).

Accepted: "1234", "1234,56" and "1.234,56" (Dutch), "1234.56" (plain), "€ 1.234,56".
Refused as ambiguous: a single separator followed by exactly three digits ("1,234" or
"1.234": a thousands separator or three decimals?), and anything mixing the two notations
in an impossible order ("1,234.56" is refused too: the Dutch UI never writes it)."""

import re
from decimal import Decimal, InvalidOperation

_DUTCH_GROUPED = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+(,[0-9]{1,2})?")
_DUTCH = re.compile(r"[0-9]+,[0-9]{1,2}")
_PLAIN = re.compile(r"[0-9]+(\.[0-9]{1,2})?")
_AMBIGUOUS = re.compile(r"[0-9]{1,3}[.,][0-9]{3}")


class AmountError(ValueError):
    """`code` is one of "invalid", "ambiguous", "negative", "too_large"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


MAX = Decimal("9999999999.99")


def parse_amount(text, *, allow_negative: bool = False) -> Decimal:
    """The amount in euros with two decimals, or `AmountError`."""
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int) and not isinstance(text, bool):
        value = Decimal(text)
    else:
        raw = str(text or "").strip().replace("€", "").replace("\u00a0", "").replace(" ", "")
        negative = raw.startswith("-")
        if negative:
            raw = raw[1:]
        if not raw:
            raise AmountError("invalid")
        if _AMBIGUOUS.fullmatch(raw):
            raise AmountError("ambiguous")
        if _DUTCH_GROUPED.fullmatch(raw):
            raw = raw.replace(".", "").replace(",", ".")
        elif _DUTCH.fullmatch(raw):
            raw = raw.replace(",", ".")
        elif not _PLAIN.fullmatch(raw):
            raise AmountError("invalid")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise AmountError("invalid") from None
        if negative:
            value = -value
    if not value.is_finite():
        raise AmountError("invalid")
    if value != value.quantize(Decimal("0.01")):
        raise AmountError("invalid")
    if value < 0 and not allow_negative:
        raise AmountError("negative")
    if abs(value) > MAX:
        raise AmountError("too_large")
    return value.quantize(Decimal("0.01"))
