"""How alike two blockers (or signals) are: the Dutch text analysis of rule + effect.

Pure Python, no Django. signature.py turns a text into two hashed views, each L2-normalised
and weighted equally, so the cosine of the combined vectors is the mean of the two cosines:

* words (with a light Dutch suffix stemmer and a stop list), which sees "medebewoner" and
  "medebewoners" as one word and ignores "de", "het", "wordt";
* character n-grams within words (3-5), which sees compounds and spelling variants
  ("spookbewoner", "spookbewoning", "huurtoeslag", "toeslag").

The threshold is `settings.PATTERN_SIMILARITY`; tests/learning/test_similarity.py shows why
0.38 separates paraphrases from other rules of the same organisation.
"""

from __future__ import annotations

import re
import unicodedata

STOP_WORDS = frozenset(
    """
    aan al alle als altijd ben bij dan dat de der deze die dit door dus een en er geen had
    heb heeft hem het hier hij hoe hun iemand ik in is je kan kon kunnen maar me meer men
    met mij na naar niet niets nog nu of om omdat ons ook op over te tot toe u uit van veel
    voor want was wat we wel werd wie wij wil wordt worden zal ze zich zij zijn zo zonder
    zou
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_WORD = re.compile(r"[a-z0-9]+")
# Longest first: "-heden" before "-en", "-ingen" before "-en".
_SUFFIXES = ("heden", "ingen", "ende", "eren", "ing", "en", "es", "e", "s")


def normalise(text: str) -> str:
    """Lower case, accents off, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text))


def stem(word: str) -> str:
    """A light Dutch stemmer: strip one common suffix, keep at least four letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) >= 5 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # "bijstandd", "rekenn" → doubled consonant after -en
    return word


def words(text: str) -> list[str]:
    return [stem(w) for w in normalise(text).split() if w not in STOP_WORDS and len(w) > 1]


def item_text(rule: str, effect: str) -> str:
    """The text compared: the rule counts twice, the effect once (the rule names the cause)."""
    return f"{rule}\n{rule}\n{effect}"
