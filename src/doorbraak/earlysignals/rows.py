"""Reading a vroegsignalering CSV row by row: the header, amounts in Dutch ("1.234,56") or
plain ("1234.56") notation, dates, postcodes. Pure Python: no Django import. A problem is an
`Issue` (line, column, code, params); `messages.py` words it in Dutch."""

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

SENDER_KINDS = ("zorgverzekeraar", "verhuurder", "energie", "water")

#: The columns, in this order (semicolon separated: a Dutch amount holds a comma).
HEADER = (
    "soort_afzender",
    "schuldeiser",
    "bedrag",
    "datum_achterstand",
    "naam",
    "geboortedatum",
    "postcode",
    "huisnummer",
    "telefoon",
    "email",
)
DELIMITER = ";"
MAX_AMOUNT = Decimal("1000000.00")
MAX_NAME = 200
MAX_CREDITOR = 200
MAX_CONTACT = 254

_DUTCH = re.compile(r"^(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})$", re.ASCII)  # 1.234,56  1234,5
_DUTCH_WHOLE = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}$", re.ASCII)  # 1.234.567
_PLAIN = re.compile(r"^(\d+)(?:\.(\d{1,2}))?$", re.ASCII)  # 1234.56  1234
_AMBIGUOUS = re.compile(r"^\d{1,3}[.,]\d{3}$", re.ASCII)  # 1,234 or 1.234: thousands or decimals?
_POSTCODE = re.compile(r"^([1-9]\d{3}) ?([A-Za-z]{2})$", re.ASCII)
_HOUSE_NUMBER = re.compile(r"^\d{1,5}(?:[ -]?[A-Za-z0-9]{1,4})?$", re.ASCII)
_PHONE = re.compile(r"^\+?[\d ()-]{6,20}$", re.ASCII)
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$", re.ASCII)


@dataclass(frozen=True)
class Issue:
    line: int
    column: str
    code: str
    value: str = ""


@dataclass(frozen=True)
class Row:
    line: int
    sender_kind: str
    creditor: str
    amount: Decimal
    arrear_date: datetime.date
    name: str
    birth_date: datetime.date
    postcode: str
    house_number: str
    phone: str
    email: str

    def person_text(self) -> str:
        """What identifies the person (before the keyed hash): normalised name, birth date,
        postcode and house number."""
        name = " ".join(self.name.lower().split())
        return f"{name}|{self.birth_date.isoformat()}|{self.postcode}|{self.house_number.upper()}"

    def arrear_text(self) -> str:
        """The creditor and the arrear, for spotting a duplicate of the same signal."""
        creditor = " ".join(self.creditor.lower().split())
        return f"{creditor}|{self.amount}|{self.arrear_date.isoformat()}"


class AmountError(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def parse_amount(text: str) -> Decimal:
    """An amount in euros with two decimals. Dutch "1.234,56" or "1234,56" and plain
    "1234.56" are both read; "1,234" and "1.234" are refused as ambiguous, as are mixed forms
    ("1,234.56") and a negative amount. Raises AmountError with a code."""
    value = text.strip().removeprefix("€").strip().replace("\u00a0", "")
    if not value:
        raise AmountError("required")
    if value.startswith("-") or value.startswith("−"):
        raise AmountError("amount_negative")
    if value.startswith("+"):
        value = value[1:]
    if _AMBIGUOUS.match(value):
        raise AmountError("amount_ambiguous")
    match = _DUTCH.match(value)
    if match:
        number = Decimal(match.group(1).replace(".", "") + "." + match.group(2))
    elif _DUTCH_WHOLE.match(value):
        number = Decimal(value.replace(".", ""))
    elif _PLAIN.match(value):
        number = Decimal(value)
    elif "," in value and "." in value:
        raise AmountError("amount_mixed")
    elif re.match(r"^\d+[.,]\d{3,}$", value, re.ASCII):
        raise AmountError("amount_decimals")
    else:
        raise AmountError("amount_invalid")
    try:
        number = number.quantize(Decimal("0.01"))
    except InvalidOperation:
        raise AmountError("amount_invalid") from None
    if number <= 0:
        raise AmountError("amount_zero")
    if number > MAX_AMOUNT:
        raise AmountError("amount_too_large")
    return number


def parse_date(text: str) -> datetime.date:
    """dd-mm-jjjj (also with / or .) or jjjj-mm-dd; ValueError otherwise."""
    value = text.strip()
    match = re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", value, re.ASCII)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return datetime.date(year, month, day)
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", value, re.ASCII)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return datetime.date(year, month, day)
    raise ValueError(value)


def check_header(fields: list[str]) -> list[Issue]:
    found = [f.strip().lower().lstrip("\ufeff") for f in fields]
    if tuple(found) == HEADER:
        return []
    return [Issue(1, "", "header", DELIMITER.join(fields)[:200])]


def _clip(value: str) -> str:
    return value if len(value) <= 40 else value[:39] + "…"


def check_row(line: int, fields: list[str], today: datetime.date) -> Row | list[Issue]:
    """One data row: the Row, or every problem in it."""
    if len(fields) != len(HEADER):
        return [Issue(line, "", "columns", str(len(fields)))]
    raw = dict(zip(HEADER, (f.strip() for f in fields), strict=True))
    issues: list[Issue] = []

    def bad(column, code, value=""):
        issues.append(Issue(line, column, code, _clip(value)))

    kind = raw["soort_afzender"].lower()
    if kind not in SENDER_KINDS:
        bad("soort_afzender", "sender_kind", raw["soort_afzender"])
    creditor = raw["schuldeiser"]
    if not creditor:
        bad("schuldeiser", "required")
    elif len(creditor) > MAX_CREDITOR:
        bad("schuldeiser", "too_long")
    amount = None
    try:
        amount = parse_amount(raw["bedrag"])
    except AmountError as error:
        bad("bedrag", error.code, raw["bedrag"])
    dates = {}
    for column in ("datum_achterstand", "geboortedatum"):
        if not raw[column]:
            bad(column, "required")
            continue
        try:
            dates[column] = parse_date(raw[column])
        except ValueError:
            bad(column, "date_invalid", raw[column])
            continue
        if dates[column] > today:
            bad(column, "date_future", raw[column])
        elif dates[column].year < 1900:
            bad(column, "date_invalid", raw[column])
    name = " ".join(raw["naam"].split())
    if not name:
        bad("naam", "required")
    elif len(name) > MAX_NAME:
        bad("naam", "too_long")
    postcode = raw["postcode"].upper()
    match = _POSTCODE.match(postcode)
    if not match:
        bad("postcode", "postcode", raw["postcode"])
    else:
        postcode = f"{match.group(1)} {match.group(2).upper()}"
    house = raw["huisnummer"]
    if not _HOUSE_NUMBER.match(house):
        bad("huisnummer", "house_number", house)
    phone, email = raw["telefoon"], raw["email"]
    if phone and not _PHONE.match(phone):
        bad("telefoon", "phone", phone)
    if email and (len(email) > MAX_CONTACT or not _EMAIL.match(email)):
        bad("email", "email", email)
    if issues:
        return issues
    return Row(
        line=line,
        sender_kind=kind,
        creditor=" ".join(creditor.split()),
        amount=amount,
        arrear_date=dates["datum_achterstand"],
        name=name,
        birth_date=dates["geboortedatum"],
        postcode=postcode,
        house_number=house.upper(),
        phone=phone,
        email=email,
    )


def numbered(reader) -> Iterator[tuple[int, list[str]]]:
    """(line, fields) from a `csv.reader`: the line a record ends on, right also when a quoted
    field holds a line break."""
    for fields in reader:
        yield reader.line_num, fields


def read(records: Iterable[tuple[int, list[str]]], today: datetime.date) -> Iterator[Row | Issue]:
    """Every row of a parsed CSV as a Row or its Issues, streaming; `records` are (line,
    fields) pairs (see `numbered`). The first record is the header; a wrong header ends the
    reading there. Empty lines are skipped."""
    iterator = iter(records)
    first = next(iterator, None)
    if first is None:
        yield Issue(1, "", "empty")
        return
    header_issues = check_header(first[1])
    if header_issues:
        yield from header_issues
        return
    any_row = False
    for line, fields in iterator:
        if not fields or all(not f.strip() for f in fields):
            continue
        any_row = True
        result = check_row(line, fields, today)
        if isinstance(result, Row):
            yield result
        else:
            yield from result
    if not any_row:
        yield Issue(2, "", "no_rows")
