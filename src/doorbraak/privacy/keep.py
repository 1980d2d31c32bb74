"""Names that must stay readable for approvers: organisations and the rule catalogue.

Built-in: organisations that deduce sometimes takes for a person or a place. The caller adds
the platform's own (the Organisation table, categories, legal grounds) as `keep` terms.

Matching is by words, case-insensitive, and linear in the text: every word of the text is
looked up once in a dict of first words, so thousands of terms cost no more than ten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

BUILTIN_ORGANISATIONS = (
    "UWV", "SVB", "DUO", "CJIB", "CAK", "CIZ", "IND", "COA", "GGD", "GGZ", "LBIO", "Nibud",
    "Belastingdienst", "Toeslagen", "Belastingdienst/Toeslagen", "Leger des Heils", "Kredietbank",
    "Stadsbank", "Veilig Thuis", "Raad voor de Kinderbescherming", "Jeugdbescherming",
    "William Schrikker", "Reclassering Nederland", "Voedselbank", "Humanitas", "Zilveren Kruis",
    "VGZ", "Menzis", "DSW", "ONVZ", "Achmea", "Interpolis", "Eneco", "Vattenfall", "Essent",
    "Greenchoice", "Budget Energie", "Vitens", "Waternet", "Evides", "Dunea", "Oasen",
    "Brabant Water", "Ymere", "Eigen Haard", "Stadgenoot", "De Key", "Rochdale", "Havensteder",
    "Woonbron", "Vestia", "Portaal", "Mitros", "Staedion", "Haag Wonen", "Vidomes", "Rabobank",
    "ING", "ABN AMRO", "SNS", "ASN Bank", "Triodos", "Ziggo", "KPN", "Odido", "Vodafone",
    "Sociaal Raadslieden", "MEE", "Schuldhulpmaatje", "Kwadraad", "Plangroep", "Mandema",
)  # fmt: skip

_WORD_RE = re.compile(r"[^\W_]+")
# What may stand between two words of one term: "Belastingdienst/Toeslagen", "Wmo-2015".
_GAP_RE = re.compile(r"[ \t/\-&.,']{1,3}")
_PARENTHESES_RE = re.compile(r"\s*\([^)]*\)")


def _variants(term: str) -> set[tuple[str, ...]]:
    """The term, without a "(demo)"-style remark, and each part around a slash."""
    variants = set()
    bare = _PARENTHESES_RE.sub("", term)
    for candidate in {term, bare, *bare.split("/")}:
        words = tuple(w.casefold() for w in _WORD_RE.findall(candidate))
        if words and sum(map(len, words)) >= 2:
            variants.add(words)
    return variants


class KeepTerms:
    """A compiled set of terms; `find(text)` gives the (start, end) of each occurrence."""

    def __init__(self, terms: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for term in terms:
            if not isinstance(term, str):
                continue
            for words in _variants(term):
                self._by_first.setdefault(words[0], []).append(words)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)  # longest first

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, text: str) -> list[tuple[int, int]]:
        if not self._by_first:
            return []
        words = list(_WORD_RE.finditer(text))
        found = []
        i = 0
        while i < len(words):
            match = self._match_at(text, words, i)
            if match is None:
                i += 1
                continue
            length, end = match
            found.append((words[i].start(), end))
            i += length
        return found

    def _match_at(self, text: str, words: list[re.Match], i: int) -> tuple[int, int] | None:
        options = self._by_first.get(words[i].group().casefold())
        if not options:
            return None
        for option in options:
            if i + len(option) > len(words):
                continue
            ok = True
            for k in range(1, len(option)):
                previous, word = words[i + k - 1], words[i + k]
                if word.group().casefold() != option[k] or not _GAP_RE.fullmatch(
                    text, previous.end(), word.start()
                ):
                    ok = False
                    break
            if ok:
                return len(option), words[i + len(option) - 1].end()
        return None


@lru_cache(maxsize=32)
def keep_terms(terms: tuple[str, ...] | frozenset[str]) -> KeepTerms:
    """The built-in organisations plus `terms`, compiled once per distinct set of terms."""
    return KeepTerms((*BUILTIN_ORGANISATIONS, *terms))
