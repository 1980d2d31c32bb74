"""The anonymiser's own annotators: pure functions from a text to (start, end, kind) spans."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from doorbraak.privacy.patterns import (
    ADDRESS_ANCHOR_RE,
    ADDRESS_RE,
    ADDRESS_WINDOW,
    AMOUNT_BEFORE_RE,
    BARE_ADDRESS_BEFORE_POSTCODE_RE,
    BARE_ADDRESS_IN_CONTEXT_RE,
    BIRTH_GAP_RE,
    BIRTH_KEYWORD_RE,
    BIRTH_WINDOW,
    BSN_RE,
    DATE_OR_YEAR_RE,
    DATE_RE,
    EMAIL_RE,
    FOLLOWED_BY_NUMBER_RE,
    HOUSE_NUMBER_TAIL_RE,
    IBAN_GROUP_RE,
    IBAN_RE,
    NAME_WORD_RE,
    NOT_A_PLACE,
    NOT_A_STREET,
    NUMBER_WITH_ADDITION_RE,
    NUMERIC_DATE_AT_RE,
    PARTICLE_SET,
    PERSON_AFTER_ROLE_RE,
    PHONE_RE,
    PHONE_TAIL_RE,
    PLACE_AFTER_ADDRESS_RE,
    PLACE_AFTER_POSTCODE_RE,
    POSTCODE_NEVER_ISSUED,
    POSTCODE_NOT_LETTERS,
    POSTCODE_RE,
    RESIDENCE_PLACE_RE,
    STREET_BEFORE_RE,
    STRIP_CHARS,
)

Span = tuple[int, int, str]


def find_bsns(text: str) -> list[Span]:
    found = []
    for m in BSN_RE.finditer(text):
        if AMOUNT_BEFORE_RE.search(text, max(0, m.start() - 5), m.start()):
            continue
        digits = m.group().replace(" ", "").replace(".", "")
        if digits != "000000000" and stdnum_bsn.is_valid(digits):
            found.append((m.start(), m.end(), "bsn"))
    return found


def compact_iban(value: str) -> str:
    return "".join(value.split()).upper()


def find_ibans(text: str, keep: frozenset[str]) -> tuple[list[Span], list[tuple[int, int]]]:
    """IBANs to redact, and the spans of IBANs the caller wants kept (the supplier's)."""
    found = []
    kept = []
    for m in IBAN_RE.finditer(text):
        candidate = m.group()
        # Greedy grouping may swallow a following 4-letter word; drop groups until valid.
        while candidate:
            if stdnum_iban.is_valid(candidate):
                span_end = m.start() + len(candidate)
                if compact_iban(candidate) in keep:
                    kept.append((m.start(), span_end))
                else:
                    found.append((m.start(), span_end, "iban"))
                break
            shorter = IBAN_GROUP_RE.sub("", candidate)
            if len(shorter) < 15:
                break
            candidate = shorter
    return found, kept


def find_phones(text: str) -> list[Span]:
    found = []
    for m in PHONE_RE.finditer(text):
        if NUMERIC_DATE_AT_RE.match(text, m.start()):
            continue  # "01-02-2024 13" is a date, not a phone number
        start, end = m.start(), m.end()
        national_start = m.end("prefix")
        while True:
            digits = sum(c.isdigit() for c in text[national_start:end])
            if digits == 9:
                found.append((start, end, "telefoon"))
                break
            tail = PHONE_TAIL_RE.search(text, national_start, end)
            if digits < 9 or tail is None or tail.start() <= national_start:
                break
            end = tail.start()
    return found


def find_postcodes(text: str) -> list[Span]:
    """ "1234 AB", "1234AB", "1234ab"; not "1500mg" or "2000 SS" (never issued)."""
    found = []
    for m in POSTCODE_RE.finditer(text):
        letters = m.group()[-2:]
        if letters.upper() in POSTCODE_NEVER_ISSUED:
            continue
        if not letters.isupper() and letters.upper() in POSTCODE_NOT_LETTERS:
            continue  # a unit glued to a number: "1500mg", "2000kg"
        found.append((m.start(), m.end(), "postcode"))
    return found


def _with_house_number_tail(text: str, end: int) -> int:
    tail = HOUSE_NUMBER_TAIL_RE.match(text, end)
    return tail.end() if tail is not None else end


def find_addresses(text: str) -> list[Span]:
    """Streets with a suffix and a number: "Kerkstraat 12", "Van Lennepkade 3-II"."""
    found: dict[int, Span] = {}
    for anchor in ADDRESS_ANCHOR_RE.finditer(text):
        start = max(0, anchor.start() - ADDRESS_WINDOW)
        ahead = 20 if anchor.group()[-1].isdigit() else ADDRESS_WINDOW  # "Laan van …"
        end = min(len(text), anchor.end() + ahead)
        for m in ADDRESS_RE.finditer(text, start, end):
            found[m.start()] = (m.start(), _with_house_number_tail(text, m.end()), "adres")
    return list(found.values())


def _is_street_name(words: str) -> bool:
    first = words.split(None, 1)[0].rstrip(".").casefold()
    return first not in NOT_A_STREET and not first.endswith("wet")


def find_bare_addresses(text: str, postcode_starts: Iterable[int] = ()) -> list[Span]:
    """Streets without a suffix: "Hoograven 45A", "Hillevliet 23bis" anywhere; "aan de
    Overtoom 12", "Adres: Lange Voorhout 3" after a word that announces an address."""
    found = []
    for number in NUMBER_WITH_ADDITION_RE.finditer(text):
        street = STREET_BEFORE_RE.search(text, max(0, number.start() - 60), number.start())
        if (
            street is not None
            and _is_street_name(street.group("street"))
            and not NUMERIC_DATE_AT_RE.match(text, number.start())
        ):
            found.append((street.start(), number.end(), "adres"))
    for m in BARE_ADDRESS_IN_CONTEXT_RE.finditer(text):
        if _is_street_name(m.group("street")) and not NUMERIC_DATE_AT_RE.match(
            text, m.start("number")
        ):
            end = _with_house_number_tail(text, m.end())
            found.append((m.start("street"), end, "adres"))
    for start in postcode_starts:  # "Tuinwijk 180, 3511 AB": a number before a postcode
        m = BARE_ADDRESS_BEFORE_POSTCODE_RE.search(text, max(0, start - 60), start)
        if m is not None and _is_street_name(m.group("street")):
            found.append((m.start(), m.end("number"), "adres"))
    return found


def _city_span(text: str, m: re.Match, group: int = 1) -> Span | None:
    start, end = m.span(group)
    if start < 0 or text[start:end].split(None, 1)[0].casefold() in NOT_A_PLACE:
        return None
    return (start, end, "woonplaats")


def find_places_after(text: str, postcode_ends: Iterable[int], address_ends: Iterable[int]):
    """The place right after a postcode ("3511 AB Utrecht") or an address ("… 12 in Ede")."""
    found = []
    for end in postcode_ends:
        m = PLACE_AFTER_POSTCODE_RE.match(text, end)
        if m is not None and (span := _city_span(text, m)) is not None:
            found.append(span)
    for end in address_ends:
        m = PLACE_AFTER_ADDRESS_RE.match(text, end)
        if m is not None:
            span = _city_span(text, m, 1 if m.group(1) else 2)
            if span is not None and not FOLLOWED_BY_NUMBER_RE.match(text, span[1]):
                found.append(span)
    return found


def find_residence_places(text: str) -> list[Span]:
    """ "woont in Leiden", "verhuisd naar Kampen", "Woonplaats: Ede"; not when a house
    number follows (then it is a street)."""
    found = []
    for m in RESIDENCE_PLACE_RE.finditer(text):
        span = _city_span(text, m)
        if span is not None and not FOLLOWED_BY_NUMBER_RE.match(text, span[1]):
            found.append(span)
    return found


def find_persons_after_role(text: str, is_common_word) -> list[Span]:
    """ "huisbaas Kowalski", "contact met Haddou": deduce does not know every surname.
    Trailing words that are common Dutch words ("mevrouw Bakker Thuis") are left out."""
    found = []
    for m in PERSON_AFTER_ROLE_RE.finditer(text):
        start, end = m.span("name")
        words = list(NAME_WORD_RE.finditer(text, start, end))
        while words and is_common_word(words[-1].group()):
            words.pop()
        if words:
            found.append((start, words[-1].end(), "persoon"))
    return found


def find_emails(text: str) -> list[Span]:
    return [(m.start(), m.end(), "email") for m in EMAIL_RE.finditer(text)]


def find_birth_dates(text: str) -> list[Span]:
    found = []
    for kw in BIRTH_KEYWORD_RE.finditer(text):
        pattern = DATE_OR_YEAR_RE if kw.group("year") else DATE_RE
        pos = kw.end()
        m = pattern.search(text, pos, min(len(text), pos + BIRTH_WINDOW + 25))
        if m is None or m.start() - pos > BIRTH_WINDOW:
            continue
        if BIRTH_GAP_RE.fullmatch(text, pos, m.start()) is None:
            continue
        found.append((m.start(), m.end(), "geboortedatum"))
    return found


def name_variants(names: Iterable[str]) -> tuple[str, ...]:
    variants: set[str] = set()
    for raw in names:
        if not isinstance(raw, str):
            continue
        name = " ".join(raw.split())
        if len(name) < 2:
            continue
        variants.add(name)
        parts = [p.strip(STRIP_CHARS) for p in re.split(r"[\s\-]+", name)]
        for part in parts:
            if len(part) >= 2 and part.lower() not in PARTICLE_SET:
                variants.add(part)
    return tuple(sorted(variants, key=lambda v: (-len(v), v.lower())))


@lru_cache(maxsize=256)
def names_regex(variants: tuple[str, ...]) -> re.Pattern[str] | None:
    if not variants:
        return None
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in variants)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def find_known_names(text: str, names: Iterable[str]) -> list[Span]:
    pattern = names_regex(name_variants(names))
    if pattern is None:
        return []
    return [(m.start(), m.end(), "persoon") for m in pattern.finditer(text)]
