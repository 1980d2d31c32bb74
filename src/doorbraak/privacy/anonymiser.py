"""Remove a household's identifying details from a request text, for approvers.

Approvers decide on amounts, organisations, rules and categories, so those stay readable;
names, BSN, IBANs of private persons, phone numbers, postcodes, street addresses, e-mail
addresses, dates of birth and places of residence are replaced by Dutch placeholders.

Pure Python (no Django). Two layers:

* our own regex annotators, with checksums where the number has one (BSN 11-check, IBAN
  mod-97 via python-stdnum), plus the household's known names given by the caller;
* `deduce` (UMC Utrecht, LGPL-3.0-or-later) for names and locations we do not know about.
  Only its name and location annotators run (plus institutions, which we use to keep
  organisation names readable); its dates, ages, identifiers, phone, e-mail and URL
  annotators and its redactor are switched off, because ours replace them. That keeps a
  call cheaper than a plain `Deduce().deidentify`.

`Deduce()` is expensive to construct (~6-8 s with a warm lookup cache, ~75-85 s the first time
after installing), so construct `Anonymiser` once, or use `get_anonymiser()`.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

__all__ = ["PLACEHOLDERS", "Anonymised", "Anonymiser", "get_anonymiser"]

PLACEHOLDERS: dict[str, str] = {
    "persoon": "[PERSOON]",
    "bsn": "[BSN]",
    "iban": "[IBAN]",
    "telefoon": "[TELEFOON]",
    "postcode": "[POSTCODE]",
    "adres": "[ADRES]",
    "email": "[E-MAIL]",
    "geboortedatum": "[GEBOORTEDATUM]",
    "woonplaats": "[WOONPLAATS]",
}

Span = tuple[int, int, str]

# Sources, in order of preference when two candidate spans have the same length.
_OWN = 0
_DEDUCE = 1

# Deduce processors we do not need: our own annotators cover these, or (dates, ages,
# identifiers, urls) they must stay readable. "post_processing" holds deduce's overlap
# resolver, adjacent-merger and redactor; we resolve overlaps ourselves.
_DEDUCE_DISABLED = frozenset(
    {
        "dates",
        "ages",
        "identifiers",
        "phone_numbers",
        "email_addresses",
        "urls",
        "post_processing",
        # deduce's street pattern takes any capitalised word ending in "st", "dam", "gr" …
        # plus a number for an address ("Belastingdienst 0800"); our own address regex
        # replaces it. Its street lookup (real street names) stays on.
        "street_pattern",
    }
)

# ---------------------------------------------------------------------------------------
# Regexes (compiled once)
# ---------------------------------------------------------------------------------------

# BSN: 9 digits, optionally with single spaces or dots between them ("1234.56.782").
_BSN_RE = re.compile(r"(?<![\w.,])\d(?:[ .]?\d){8}(?![\w]|[.,]\d)")
_AMOUNT_BEFORE_RE = re.compile(r"(?:€|EUR|eur)\s*$")

# IBAN: country code, check digits, then groups of 4 (with or without spaces) and a tail.
_IBAN_RE = re.compile(
    r"(?<![\w])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![\w])"
)
_IBAN_GROUP_RE = re.compile(r" ?[A-Za-z0-9]+$")

# Dutch phone numbers: 0 or +31 / 0031 (optionally "(0)"), then 9 national digits, with
# single spaces or hyphens between groups, optionally "(020)" style area codes.
_PHONE_RE = re.compile(
    r"(?<![\w+])"
    r"(?P<prefix>(?:\+|00)31[ -]?(?:\(0\)[ -]?)?|\(?0)"
    r"[1-9]\d{0,3}\)?(?:(?: ?- ?| )?\d{2,8}){1,4}"
    r"(?!\d)"
)
_PHONE_TAIL_RE = re.compile(r"(?: ?- ?| )?\d+$")

# Postcodes: "1234 AB" (capitals) or "1234AB"/"1234ab"; not glued to digits/words.
_POSTCODE_RE = re.compile(r"(?<![\w.,€])[1-9]\d{3}(?: (?-i:[A-Z]{2})|[A-Za-z]{2})(?![\w])")
_POSTCODE_FULL_RE = re.compile(r"[1-9]\d{3} ?[A-Za-z]{2}")
# Letter pairs that are never postcodes (not issued) or are units after a number.
_POSTCODE_NOT_LETTERS = frozenset(
    [
        "SA",
        "SD",
        "SS",
        "KB",
        "MB",
        "GB",
        "TB",
        "KM",
        "CM",
        "MM",
        "ML",
        "CL",
        "DL",
        "KG",
        "MG",
        "GR",
        "PK",
        "KW",
        "UR",
        "EU",
    ]
)

# Street addresses: capitalised street name ending in a street suffix + house number.
_STREET_SUFFIX = (
    r"straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof|park|dreef|pad|plantsoen"
    r"|markt|wal|burgwal|haven|boulevard"
)
_PARTICLE_WORDS = (
    "van",
    "de",
    "der",
    "den",
    "het",
    "'t",
    "'s",
    "op",
    "aan",
    "in",
    "ter",
    "ten",
    "te",
    "bij",
    "la",
    "le",
    "du",
    "da",
    "di",
    "von",
    "el",
    "al",
)
_PARTICLE = r"(?:" + "|".join(re.escape(p) for p in _PARTICLE_WORDS) + r")"
# Particles inside street names ("Jan van Galenstraat"); not "aan", "op", "in", "bij", "te":
# "Daan aan de Kerkstraat 12" is a name, then an address.
_STREET_PARTICLE = r"(?:van|de|der|den|het|'t|'s|ter|ten|la|le|du|von)"
# Capitalised words that start sentences but are not part of a street name.
_NOT_STREET_WORD = r"(?!(?:In|Op|Aan|Het|Een|Zij|Hij|Wij|Ze|Naar|Bij|Uit|Via|Sinds|Tot|Voor|Na|Met|En|Of|Adres|Woont|Wonend|Woonachtig|Te)\b)"  # noqa: E501
# A capitalised word, or a short abbreviation with a dot ("St.", "Burg."), never a
# sentence end.
_NAME_WORD = _NOT_STREET_WORD + r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'’]*(?:-[\w'’]+)*)"
_HOUSE_NUMBER = (
    r"\d{1,5}(?:(?:bis|hs|HS|[A-Za-z])(?![\w]))?"
    r"(?:[ -](?:I{1,3}|IV|hs|HS|bis|zw|rd|bg|hg)(?![\w])|-(?:\d{1,4}|[A-Za-z])(?![\w]))?"
    r"(?![\w])"
)
_ADDRESS_RE = re.compile(
    r"(?<![\w'’-])(?:"
    # "Kerkstraat 12", "Van Lennepkade 3-II", "Oude Gracht 14a", "Jan van Galenstraat 5"
    rf"(?:{_NAME_WORD}[ \t]+(?:{_STREET_PARTICLE}[ \t]+){{0,3}}){{0,3}}"
    rf"(?:'[st]-)?(?=[A-Z])[\w'’-]*?(?i:{_STREET_SUFFIX})"
    # "Laan van Meerdervoort 20"
    r"|(?:Laan|Plein|Kade|Weg|Singel|Dijk|Gracht|Park|Straatweg|Burgwal)"
    rf"[ \t]+(?:{_STREET_PARTICLE}[ \t]+){{1,3}}{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
    rf")[ \t]+{_HOUSE_NUMBER}"
)
_ADDRESS_PREFILTER_RE = re.compile(
    rf"(?i:{_STREET_SUFFIX})\s+\d|(?:Laan|Plein|Kade|Weg|Singel|Dijk|Gracht|Park|Straatweg|Burgwal)\s"
)

# E-mail addresses.
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# Dates (for dates of birth only).
_MONTHS = (
    r"januari|jan|februari|feb|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug"
    r"|september|sept|sep|oktober|okt|november|nov|december|dec"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_NUMERIC_DATE = rf"{_DAY}(?P<sep>[-/.])(?:0?[1-9]|1[0-2])(?P=sep)(?:(?:19|20)\d{{2}}|\d{{2}})"
_DATE_RE = re.compile(
    r"(?<![\w])(?:"
    rf"{_NUMERIC_DATE}"
    rf"|{_DAY}\s*(?i:{_MONTHS})\.?\s+(?:(?:19|20)?\d{{2}}|'\d{{2}})"
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r")(?![\w])"
)
_DATE_OR_YEAR_RE = re.compile(rf"{_DATE_RE.pattern}|(?<![\w])(?:19|20)\d{{2}}(?![\w])")
_NUMERIC_DATE_AT_RE = re.compile(rf"{_NUMERIC_DATE}(?!\d)")
_BIRTH_KEYWORD_RE = re.compile(
    r"(?i)(?<![\w])(?:"
    r"(?P<year>geboortejaar|geboren\s+in(?=\s+(?:19|20)\d{2}(?![\w])))"
    r"|geboortedatum|geb\.?\s?datum|geboren|geb\.|geb(?=\s*[:\d])"
    r")"
)
_BIRTH_WINDOW = 30
_BIRTH_GAP_RE = re.compile(r"[^\n.;!?]*")

# Residence context for a place name found by deduce.
_RESIDENCE_BEFORE_RE = re.compile(
    r"(?i)(?<![\w])(?:woont|wonen|woonde|wonend|woonachtig|woonplaats|verhuisd|verhuist"
    r"|verhuizen|verhuisde|afkomstig|geboren|adres|ingeschreven)(?![\w])[^\n.;!?]{0,30}$"
)
_RESIDENCE_WINDOW = 60
# What may stand between an address or postcode and its place: "…12, 3511 AB Ede", "… in Ede".
_LOCATION_GAP_RE = re.compile(r"(?:[ \t\r\n,]|(?<![\w])(?:in|te)(?![\w]))+$")

# Organisations whose names deduce sometimes takes for a person: keep them readable.
_ORGANISATIONS = (
    "UWV",
    "SVB",
    "DUO",
    "CJIB",
    "CAK",
    "CIZ",
    "IND",
    "COA",
    "GGD",
    "GGZ",
    "LBIO",
    "Nibud",
    "Belastingdienst",
    "Toeslagen",
    "Leger des Heils",
    "Kredietbank",
    "Stadsbank",
    "Veilig Thuis",
    "Raad voor de Kinderbescherming",
    "Jeugdbescherming",
    "William Schrikker",
    "Reclassering Nederland",
    "Voedselbank",
    "Humanitas",
    "Zilveren Kruis",
    "VGZ",
    "Menzis",
    "DSW",
    "ONVZ",
    "Achmea",
    "Interpolis",
    "Eneco",
    "Vattenfall",
    "Essent",
    "Greenchoice",
    "Budget Energie",
    "Vitens",
    "Waternet",
    "Evides",
    "Dunea",
    "Oasen",
    "Brabant Water",
    "Ymere",
    "Eigen Haard",
    "Stadgenoot",
    "De Key",
    "Rochdale",
    "Havensteder",
    "Woonbron",
    "Vestia",
    "Portaal",
    "Mitros",
    "Staedion",
    "Haag Wonen",
    "Vidomes",
    "Rabobank",
    "ING",
    "ABN AMRO",
    "SNS",
    "ASN Bank",
    "Triodos",
)
_ORG_PREFIXES = (
    r"[Ww]oonstichting|[Ww]oningstichting|[Ww]ooncorporatie|[Ww]oningcorporatie|[Ss]tichting"
    r"|[Gg]emeente|[Ww]aterschap|[Hh]oogheemraadschap|[Zz]orggroep|[Zz]iekenhuis|[Bb]uurtteam"
    r"|[Ww]ijkteam|[Cc]oöperatie|[Zz]orgverzekeraar|[Bb]elastingdienst"
)
_ORG_RE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(re.escape(o) for o in sorted(_ORGANISATIONS, key=len, reverse=True))
    + rf"|(?:{_ORG_PREFIXES})(?:\s+(?:{_PARTICLE}\s+)?[A-Z][\w'’&-]*){{0,2}}"
    + r")(?![\w])"
)

# Cleaning deduce's person spans.
_TITLE_WORDS = frozenset(
    [
        "dhr",
        "mevr",
        "mw",
        "mvr",
        "mr",
        "mevrouw",
        "meneer",
        "heer",
        "dr",
        "drs",
        "ir",
        "ing",
        "prof",
        "zoon",
        "dochter",
    ]
)
_PARTICLE_SET = frozenset(_PARTICLE_WORDS) | {"en", "uit", "voor", "met", "bij", "naar", "v", "d"}
_TRAILING_PARTICLES_RE = re.compile(
    r"(?:[\s,.\-]+(?:" + "|".join(re.escape(p) for p in sorted(_PARTICLE_SET)) + r"))+[\s,.\-]*$"
)
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_ALNUM_RE = re.compile(r"[^\W_]")
_STRIP_CHARS = " \t\r\n,.;:()[]{}-/'\"’"
_PERSON_GAP_RE = re.compile(r"[ \t]*|[ \t]*-[ \t]*")


# ---------------------------------------------------------------------------------------
# Result
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anonymised:
    """A redacted text; `spans` are (start, end, kind) in the ORIGINAL text."""

    text: str
    spans: tuple[Span, ...] = ()


# ---------------------------------------------------------------------------------------
# Own annotators (pure functions: text -> list of (start, end, kind))
# ---------------------------------------------------------------------------------------


def _find_bsns(text: str) -> list[Span]:
    found = []
    for m in _BSN_RE.finditer(text):
        if _AMOUNT_BEFORE_RE.search(text, max(0, m.start() - 5), m.start()):
            continue
        digits = m.group().replace(" ", "").replace(".", "")
        if digits != "000000000" and stdnum_bsn.is_valid(digits):
            found.append((m.start(), m.end(), "bsn"))
    return found


def _compact_iban(value: str) -> str:
    return "".join(value.split()).upper()


def _find_ibans(text: str, keep: frozenset[str]) -> tuple[list[Span], list[tuple[int, int]]]:
    """IBANs to redact, and the spans of IBANs the caller wants kept (the supplier's)."""
    found = []
    kept = []
    for m in _IBAN_RE.finditer(text):
        candidate = m.group()
        # Greedy grouping may swallow a following 4-letter word; drop groups until valid.
        while candidate:
            if stdnum_iban.is_valid(candidate):
                span_end = m.start() + len(candidate)
                if _compact_iban(candidate) in keep:
                    kept.append((m.start(), span_end))
                else:
                    found.append((m.start(), span_end, "iban"))
                break
            shorter = _IBAN_GROUP_RE.sub("", candidate)
            if len(shorter) < 15:
                break
            candidate = shorter
    return found, kept


def _find_phones(text: str) -> list[Span]:
    found = []
    for m in _PHONE_RE.finditer(text):
        if _NUMERIC_DATE_AT_RE.match(text, m.start()):
            continue  # "01-02-2024 13" is a date, not a phone number
        start, end = m.start(), m.end()
        national_start = m.end("prefix")
        while True:
            digits = sum(c.isdigit() for c in text[national_start:end])
            if digits == 9:
                found.append((start, end, "telefoon"))
                break
            tail = _PHONE_TAIL_RE.search(text, national_start, end)
            if digits < 9 or tail is None or tail.start() <= national_start:
                break
            end = tail.start()
    return found


def _find_postcodes(text: str) -> list[Span]:
    found = []
    for m in _POSTCODE_RE.finditer(text):
        if m.group()[-2:].upper() in _POSTCODE_NOT_LETTERS:
            continue
        found.append((m.start(), m.end(), "postcode"))
    return found


def _find_addresses(text: str) -> list[Span]:
    if not _ADDRESS_PREFILTER_RE.search(text):
        return []
    return [(m.start(), m.end(), "adres") for m in _ADDRESS_RE.finditer(text)]


def _find_emails(text: str) -> list[Span]:
    return [(m.start(), m.end(), "email") for m in _EMAIL_RE.finditer(text)]


def _find_birth_dates(text: str) -> list[Span]:
    found = []
    for kw in _BIRTH_KEYWORD_RE.finditer(text):
        pattern = _DATE_OR_YEAR_RE if kw.group("year") else _DATE_RE
        pos = kw.end()
        m = pattern.search(text, pos, min(len(text), pos + _BIRTH_WINDOW + 25))
        if m is None or m.start() - pos > _BIRTH_WINDOW:
            continue
        if _BIRTH_GAP_RE.fullmatch(text, pos, m.start()) is None:
            continue
        found.append((m.start(), m.end(), "geboortedatum"))
    return found


def _name_variants(names: Iterable[str]) -> tuple[str, ...]:
    variants: set[str] = set()
    for raw in names:
        if not isinstance(raw, str):
            continue
        name = " ".join(raw.split())
        if len(name) < 2:
            continue
        variants.add(name)
        parts = [p.strip(_STRIP_CHARS) for p in re.split(r"[\s\-]+", name)]
        for part in parts:
            if len(part) >= 2 and part.lower() not in _PARTICLE_SET:
                variants.add(part)
    return tuple(sorted(variants, key=lambda v: (-len(v), v.lower())))


@lru_cache(maxsize=256)
def _names_regex(variants: tuple[str, ...]) -> re.Pattern[str] | None:
    if not variants:
        return None
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in variants)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def _find_known_names(text: str, names: Iterable[str]) -> list[Span]:
    pattern = _names_regex(_name_variants(names))
    if pattern is None:
        return []
    return [(m.start(), m.end(), "persoon") for m in pattern.finditer(text)]


# ---------------------------------------------------------------------------------------
# Interval helpers
# ---------------------------------------------------------------------------------------


def _subtract(start: int, end: int, blockers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts of [start, end) not covered by `blockers` (sorted, may overlap)."""
    parts = []
    pos = start
    for b_start, b_end in blockers:
        if b_end <= pos:
            continue
        if b_start >= end:
            break
        if b_start > pos:
            parts.append((pos, b_start))
        pos = max(pos, b_end)
        if pos >= end:
            break
    if pos < end:
        parts.append((pos, end))
    return parts


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP_CHARS:
        start += 1
    while end > start and text[end - 1] in _STRIP_CHARS:
        end -= 1
    return start, end


def _clean_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim deduce's person span ("Daan aan de " -> "Daan"); None if only titles remain."""
    start, end = _strip_span(text, start, end)
    m = _TRAILING_PARTICLES_RE.search(text, start, end)
    if m is not None:
        end = m.start()
    start, end = _strip_span(text, start, end)
    if start >= end:
        return None
    words = _LETTERS_RE.findall(text, start, end)
    if not any(w.lower() not in _TITLE_WORDS and w.lower() not in _PARTICLE_SET for w in words):
        return None
    return start, end


def _resolve(text: str, candidates: list[tuple[int, int, str, int]]) -> list[Span]:
    """Greedy, longest first (own annotators first on equal length). A candidate that
    partly overlaps an accepted span keeps its uncovered parts, so nothing leaks."""
    order = sorted(candidates, key=lambda c: (c[0] - c[1], c[3], c[0]))
    accepted: list[Span] = []
    for start, end, kind, _source in order:
        i = bisect.bisect_left(accepted, (start,))
        lo = i - 1 if i > 0 and accepted[i - 1][1] > start else i
        hi = lo
        while hi < len(accepted) and accepted[hi][0] < end:
            hi += 1
        if lo == hi:
            accepted.insert(i, (start, end, kind))
            continue
        blockers = [(s, e) for s, e, _k in accepted[lo:hi]]
        for p_start, p_end in _subtract(start, end, blockers):
            p_start, p_end = _strip_span(text, p_start, p_end)
            if p_start < p_end and _ALNUM_RE.search(text, p_start, p_end):
                bisect.insort(accepted, (p_start, p_end, kind))
    return _merge_adjacent_persons(text, accepted)


def _merge_adjacent_persons(text: str, spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if (
            merged
            and span[2] == "persoon"
            and merged[-1][2] == "persoon"
            and _PERSON_GAP_RE.fullmatch(text, merged[-1][1], span[0])
        ):
            merged[-1] = (merged[-1][0], span[1], "persoon")
        else:
            merged.append(span)
    return merged


def _redact(text: str, spans: Iterable[Span]) -> str:
    pieces = []
    pos = 0
    for start, end, kind in spans:
        pieces.append(text[pos:start])
        pieces.append(PLACEHOLDERS[kind])
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


# ---------------------------------------------------------------------------------------
# The anonymiser
# ---------------------------------------------------------------------------------------


def _load_deduce():
    """Import and construct Deduce, undoing the root-logger setup its import performs
    (`logging.basicConfig(stream=sys.stdout, level=DEBUG)`), which would otherwise write
    log lines to stdout (and break the JSON-lines CLI)."""
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    level_before = root.level
    try:
        from deduce import Deduce  # noqa: PLC0415 - heavy import, only when needed
    finally:
        for handler in list(root.handlers):
            if handler not in handlers_before:
                root.removeHandler(handler)
        root.setLevel(level_before)
    return Deduce()


class Anonymiser:
    """Construct once (loads deduce), then call `anonymise` for each text. Thread-safe:
    deduce keeps no state between documents."""

    def __init__(self) -> None:
        self._deduce = _load_deduce()

    def anonymise(
        self, text: str, *, names: Iterable[str] = (), keep_ibans: Iterable[str] = ()
    ) -> Anonymised:
        if not text or text.isspace():
            return Anonymised(text=text, spans=())

        keep = frozenset(_compact_iban(i) for i in keep_ibans if isinstance(i, str))
        own: list[Span] = []
        own += _find_known_names(text, names)
        own += _find_bsns(text)
        ibans, kept_ibans = _find_ibans(text, keep)
        own += ibans
        own += _find_phones(text)
        own += _find_emails(text)
        own += _find_birth_dates(text)
        postcodes = _find_postcodes(text)
        addresses = _find_addresses(text)
        own += postcodes
        own += addresses

        candidates = [(s, e, k, _OWN) for s, e, k in own]
        candidates += self._deduce_candidates(text, postcodes + addresses)
        if kept_ibans:  # nothing may eat into the supplier's IBAN ("0417 1643 00" ≠ phone)
            candidates = [
                (p_start, p_end, kind, source)
                for start, end, kind, source in candidates
                for p_start, p_end in _subtract(start, end, kept_ibans)
            ]
        spans = _resolve(text, candidates)
        return Anonymised(text=_redact(text, spans), spans=tuple(spans))

    def _deduce_candidates(
        self, text: str, own_locations: list[Span]
    ) -> list[tuple[int, int, str, int]]:
        doc = self._deduce.deidentify(text, disabled=_DEDUCE_DISABLED)
        persons: list[tuple[int, int]] = []
        places: list[tuple[int, int]] = []
        addresses: list[tuple[int, int]] = []
        protected: list[tuple[int, int]] = [(m.start(), m.end()) for m in _ORG_RE.finditer(text)]
        for a in doc.annotations:
            tag = a.tag
            if "persoon" in tag or "patient" in tag:
                persons.append((a.start_char, a.end_char))
            elif tag == "locatie":
                value = a.text
                if value[:7].lower() == "postbus":
                    continue  # organisations' postbus addresses stay readable
                if _POSTCODE_FULL_RE.fullmatch(value):
                    continue  # postcodes: our own annotator decides
                if a.priority >= 1 or any(c.isdigit() for c in value):
                    addresses.append((a.start_char, a.end_char))
                else:
                    places.append((a.start_char, a.end_char))
            elif tag in ("ziekenhuis", "zorginstelling"):
                protected.append((a.start_char, a.end_char))

        result: list[tuple[int, int, str, int]] = [(s, e, "adres", _DEDUCE) for s, e in addresses]

        # Place names only where somebody lives; then every occurrence of that place name.
        residence_spans: set[tuple[int, int]] = set()
        if places:
            location_ends = {e for _s, e, _k in own_locations} | {e for _s, e in addresses}
            residences = {
                text[s:e].casefold() for s, e in places if _is_residence(text, s, location_ends)
            }
            if residences:
                residence_spans = {(s, e) for s, e in places if text[s:e].casefold() in residences}
                result += [(s, e, "woonplaats", _DEDUCE) for s, e in residence_spans]

        # Persons: deduce ranks addresses above names; institutions and organisations stay.
        # A place of residence that deduce also took for a surname ("Kampen") is a place.
        blockers = sorted(protected + addresses)
        for start, end in persons:
            for p_start, p_end in _subtract(start, end, blockers):
                cleaned = _clean_person(text, p_start, p_end)
                if cleaned is not None and cleaned not in residence_spans:
                    result.append((cleaned[0], cleaned[1], "persoon", _DEDUCE))
        return result


def _is_residence(text: str, start: int, location_ends: set[int]) -> bool:
    """ "woont in X", "verhuisd naar X", or right after a postcode or street address
    ("3511 AB Utrecht", "Kerkstraat 1, Ede", "Kerkstraat 1 in Ede")."""
    if _RESIDENCE_BEFORE_RE.search(text, max(0, start - _RESIDENCE_WINDOW), start):
        return True
    gap = _LOCATION_GAP_RE.search(text, max(0, start - 12), start)
    return gap is not None and gap.start() in location_ends


_shared: Anonymiser | None = None
_shared_lock = threading.Lock()


def get_anonymiser() -> Anonymiser:
    """One shared Anonymiser per process, built on first use (thread-safe)."""
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = Anonymiser()
    return _shared
