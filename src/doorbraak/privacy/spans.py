"""Span arithmetic: overlaps, trimming, resolving candidates and writing placeholders."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from doorbraak.privacy.patterns import (
    ALNUM_RE,
    LETTERS_RE,
    PARTICLE_SET,
    PERSON_GAP_RE,
    STRIP_CHARS,
    TITLE_WORDS,
    TRAILING_PARTICLES_RE,
)

Span = tuple[int, int, str]

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


def subtract(start: int, end: int, blockers: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in STRIP_CHARS:
        start += 1
    while end > start and text[end - 1] in STRIP_CHARS:
        end -= 1
    return start, end


def clean_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim deduce's person span ("Daan aan de " -> "Daan"); None if only titles remain."""
    start, end = strip_span(text, start, end)
    m = TRAILING_PARTICLES_RE.search(text, start, end)
    if m is not None:
        end = m.start()
    start, end = strip_span(text, start, end)
    if start >= end:
        return None
    words = LETTERS_RE.findall(text, start, end)
    if not any(w.lower() not in TITLE_WORDS and w.lower() not in PARTICLE_SET for w in words):
        return None
    return start, end


def resolve(text: str, candidates: list[tuple[int, int, str, int]]) -> list[Span]:
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
        for p_start, p_end in subtract(start, end, blockers):
            p_start, p_end = strip_span(text, p_start, p_end)
            if p_start < p_end and ALNUM_RE.search(text, p_start, p_end):
                bisect.insort(accepted, (p_start, p_end, kind))
    return merge_adjacent_persons(text, accepted)


def merge_adjacent_persons(text: str, spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if (
            merged
            and span[2] == "persoon"
            and merged[-1][2] == "persoon"
            and PERSON_GAP_RE.fullmatch(text, merged[-1][1], span[0])
        ):
            merged[-1] = (merged[-1][0], span[1], "persoon")
        else:
            merged.append(span)
    return merged


def redact(text: str, spans: Iterable[Span]) -> str:
    pieces = []
    pos = 0
    for start, end, kind in spans:
        pieces.append(text[pos:start])
        pieces.append(PLACEHOLDERS[kind])
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)
