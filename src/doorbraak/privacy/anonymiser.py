"""Remove a household's identifying details from a request text, for approvers.

Approvers decide on amounts, organisations, rules and categories, so those stay readable;
names, BSN, IBANs of private persons, phone numbers, postcodes, street addresses, e-mail
addresses, dates of birth and places of residence are replaced by Dutch placeholders.

Pure Python (no Django). Two layers:

* our own annotators (annotators.py), with checksums where the number has one (BSN 11-check,
  IBAN mod-97 via python-stdnum), the household's known names given by the caller, streets
  with or without a suffix, the place after a postcode or address, and a person named after a
  role word ("huisbaas Kowalski");
* `deduce` (UMC Utrecht, LGPL-3.0-or-later) for names and locations we do not know about.
  Only its name and location annotators run (plus institutions, which we use to keep
  organisation names readable); its dates, ages, identifiers, phone, e-mail and URL
  annotators and its redactor are switched off, because ours replace them. That keeps a
  call cheaper than a plain `Deduce().deidentify`.

What must stay readable (keep.py): organisations deduce tends to take for a name, names shaped
like an organisation ("Stichting …", "… Kredietbank Nederland") and the caller's `keep` terms
(the platform's organisations and rule catalogue). Guesses (deduce's, and our street, place
and role-word rules) never cover them; certain finds (known names, numbers) always win.

`Deduce()` is expensive to construct (~6-8 s with a warm lookup cache, ~75-85 s the first time
after installing), so construct `Anonymiser` once, or use `get_anonymiser()`.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from doorbraak.privacy import annotators as find
from doorbraak.privacy.deduce_loader import load_deduce
from doorbraak.privacy.keep import KeepTerms, keep_terms
from doorbraak.privacy.patterns import (
    LOCATION_GAP_RE,
    ORG_RE,
    POSTCODE_FULL_RE,
    RESIDENCE_BEFORE_RE,
    RESIDENCE_WINDOW,
    TITLE_WORDS,
    WORD_BEFORE_RE,
)
from doorbraak.privacy.spans import PLACEHOLDERS, Span, clean_person, redact, resolve, subtract

__all__ = ["PLACEHOLDERS", "Anonymised", "Anonymiser", "get_anonymiser", "preload_anonymiser"]

logger = logging.getLogger(__name__)

# Sources, in order of preference when two candidate spans have the same length.
_OWN = 0
_GUESS = 1  # our own context rules: blocked by what must stay readable, like deduce
_DEDUCE = 2

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

Candidate = tuple[int, int, str, int]


@dataclass(frozen=True, slots=True)
class Anonymised:
    """A redacted text; `spans` are (start, end, kind) in the ORIGINAL text."""

    text: str
    spans: tuple[Span, ...] = ()


def _overlaps(span: tuple[int, int], blockers: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in blockers)


class Anonymiser:
    """Construct once (loads deduce), then call `anonymise` for each text. Thread-safe:
    deduce keeps no state between documents."""

    def __init__(self) -> None:
        self._deduce = load_deduce()
        self._common_words = self._deduce.lookup_structs["whitelist"]

    def anonymise(
        self,
        text: str,
        *,
        names: Iterable[str] = (),
        keep_ibans: Iterable[str] = (),
        keep: KeepTerms | Iterable[str] = (),
    ) -> Anonymised:
        """`names`: the household's names, always removed. `keep_ibans`: the supplier's
        IBAN. `keep`: names that must stay readable (organisations, rules, categories);
        pass the same tuple each time, it is compiled once."""
        if not text or text.isspace():
            return Anonymised(text=text, spans=())
        if not isinstance(keep, KeepTerms):
            keep = keep_terms(keep if isinstance(keep, tuple) else tuple(keep))

        kept_iban_set = frozenset(find.compact_iban(i) for i in keep_ibans if isinstance(i, str))
        own: list[Span] = []
        own += find.find_known_names(text, names)
        own += find.find_bsns(text)
        ibans, kept_ibans = find.find_ibans(text, kept_iban_set)
        own += ibans
        own += find.find_phones(text)
        own += find.find_emails(text)
        own += find.find_birth_dates(text)
        postcodes = find.find_postcodes(text)
        addresses = find.find_addresses(text)
        own += postcodes
        own += addresses

        protected = sorted(keep.find(text) + [(m.start(), m.end()) for m in ORG_RE.finditer(text)])
        doc = self._deduce.deidentify(text, disabled=_DEDUCE_DISABLED)
        deduce_persons, deduce_places, deduce_addresses = [], [], []
        for a in doc.annotations:
            tag = a.tag
            if "persoon" in tag or "patient" in tag:
                deduce_persons.append((a.start_char, a.end_char))
            elif tag == "locatie":
                value = a.text
                if value[:7].lower() == "postbus" or POSTCODE_FULL_RE.fullmatch(value):
                    continue  # postbus addresses stay; postcodes: our own annotator decides
                if a.priority >= 1 or any(c.isdigit() for c in value):
                    deduce_addresses.append((a.start_char, a.end_char))
                else:
                    deduce_places.append((a.start_char, a.end_char))
            elif tag in ("ziekenhuis", "zorginstelling"):
                protected.append((a.start_char, a.end_char))
        protected.sort()

        guesses = self._guesses(text, protected, postcodes, addresses, deduce_addresses)
        candidates = [(s, e, k, _OWN) for s, e, k in own] + guesses
        candidates += self._deduce_candidates(
            text, protected, deduce_persons, deduce_places, deduce_addresses, candidates
        )
        if kept_ibans:  # nothing may eat into the supplier's IBAN ("0417 1643 00" ≠ phone)
            candidates = [
                (p_start, p_end, kind, source)
                for start, end, kind, source in candidates
                for p_start, p_end in subtract(start, end, kept_ibans)
            ]
        spans = resolve(text, candidates)
        return Anonymised(text=redact(text, spans), spans=tuple(spans))

    def _guesses(self, text, protected, postcodes, addresses, deduce_addresses) -> list[Candidate]:
        """Our own context rules, never over what must stay readable."""
        result: list[Candidate] = []
        bare = [
            s
            for s in find.find_bare_addresses(text, [s for s, _e, _k in postcodes])
            if not _overlaps(s, protected)
        ]
        result += [(s, e, k, _GUESS) for s, e, k in bare]
        address_ends = {e for _s, e, _k in addresses + bare} | {e for _s, e in deduce_addresses}
        places = find.find_places_after(text, [e for _s, e, _k in postcodes], address_ends)
        places += find.find_residence_places(text)
        places = [s for s in places if not _overlaps(s, protected)]
        result += [(s, e, k, _GUESS) for s, e, k in places]
        # A place of residence found once goes everywhere in the text.
        for name in {text[s:e] for s, e, _k in places}:
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
                if not _overlaps(m.span(), protected):
                    result.append((m.start(), m.end(), "woonplaats", _GUESS))
        for start, end, kind in find.find_persons_after_role(text, self._is_common_word):
            for p_start, p_end in subtract(start, end, protected):
                cleaned = clean_person(text, p_start, p_end)
                if cleaned is not None:
                    result.append((cleaned[0], cleaned[1], kind, _GUESS))
        return result

    def _is_common_word(self, word: str) -> bool:
        return word in self._common_words

    def _deduce_candidates(
        self, text, protected, persons, places, addresses, own: list[Candidate]
    ) -> list[Candidate]:
        # deduce's street list holds words like "Kruis": never inside an organisation's name.
        addresses = [a for a in addresses if not _overlaps(a, protected)]
        result: list[Candidate] = [(s, e, "adres", _DEDUCE) for s, e in addresses]

        # Place names only where somebody lives; then every occurrence of that place name.
        residence_spans: set[tuple[int, int]] = set()
        places = [p for p in places if not _overlaps(p, protected)]
        if places:
            location_ends = {e for _s, e, k, _src in own if k in ("adres", "postcode")}
            location_ends |= {e for _s, e in addresses}
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
            for p_start, p_end in subtract(start, end, blockers):
                cleaned = clean_person(text, p_start, p_end)
                if cleaned is not None and cleaned not in residence_spans:
                    start = self._first_name_before(text, cleaned[0], protected)
                    result.append((start, cleaned[1], "persoon", _DEDUCE))
        return result

    def _first_name_before(self, text: str, start: int, protected) -> int:
        """Where a name starts that deduce found only the surname of ("Dmytro [Linden]"):
        a capitalised word before it that is no common word, title or organisation."""
        m = WORD_BEFORE_RE.search(text, max(0, start - 40), start)
        if m is None:
            return start
        word = m.group(1)
        if (
            self._is_common_word(word)
            or word.casefold() in TITLE_WORDS
            or _overlaps(m.span(1), protected)
        ):
            return start
        return m.start(1)


def _is_residence(text: str, start: int, location_ends: set[int]) -> bool:
    """ "woont in X", "verhuisd naar X", or right after a postcode or street address
    ("3511 AB Utrecht", "Kerkstraat 1, Ede", "Kerkstraat 1 in Ede")."""
    if RESIDENCE_BEFORE_RE.search(text, max(0, start - RESIDENCE_WINDOW), start):
        return True
    gap = LOCATION_GAP_RE.search(text, max(0, start - 12), start)
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


PRELOAD_ENV = "DOORBRAAK_PRELOAD_ANONYMISER"


def preload_anonymiser(*, background: bool = True) -> threading.Thread | None:
    """Build the shared Anonymiser now, so the first request does not wait ~7 s for deduce.
    In a background thread by default: a request that needs it meanwhile waits for the same
    build (get_anonymiser's lock), never starts a second one. DOORBRAAK_PRELOAD_ANONYMISER=0
    switches preloading off."""
    if os.environ.get(PRELOAD_ENV, "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    if not background:
        get_anonymiser()
        return None

    def build() -> None:
        try:
            get_anonymiser()
        except Exception:  # the first request will try again and report the error
            logger.exception("Preloading the anonymiser failed")

    thread = threading.Thread(target=build, name="preload-anonymiser", daemon=True)
    thread.start()
    return thread
