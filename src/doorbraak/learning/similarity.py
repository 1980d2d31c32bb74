"""How alike two blockers (or signals) are: Dutch text similarity of rule + effect.

Pure Python (scikit-learn, no Django). Two TF-IDF views of the same text, each L2-normalised
and weighted equally, so the cosine of the combined vectors is the mean of the two cosines:

* words (with a light Dutch suffix stemmer and a stop list), which sees "medebewoner" and
  "medebewoners" as one word and ignores "de", "het", "wordt";
* character n-grams within words (3-5), which sees compounds and spelling variants
  ("spookbewoner", "spookbewoning", "huurtoeslag", "toeslag").

The IDF is fitted on the texts being compared (the same organisation's recent items), so words
every blocker of that organisation uses ("toeslag" at the Dienst Toeslagen) weigh little.
The threshold is `settings.PATTERN_SIMILARITY`; tests/learning/test_similarity.py shows why
0.35 separates paraphrases from other rules of the same organisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer

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


def vectors(texts: Sequence[str]):
    """L2-normalised combined TF-IDF rows for `texts` (a scipy sparse matrix)."""
    word_view = TfidfVectorizer(analyzer=words, sublinear_tf=True, norm="l2", dtype=np.float32)
    char_view = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        preprocessor=normalise,
        sublinear_tf=True,
        norm="l2",
        dtype=np.float32,
    )
    views = []
    for view in (word_view, char_view):
        try:
            views.append(view.fit_transform(texts))
        except ValueError:  # no words at all (only stop words, digits or punctuation)
            continue
    if not views:
        from scipy.sparse import csr_matrix

        return csr_matrix((len(texts), 1), dtype=np.float32)
    scale = np.float32(np.sqrt(1 / len(views)))
    return hstack([rows * scale for rows in views]).tocsr()


def similarities(query: str, texts: Sequence[str]) -> list[float]:
    """Cosine similarity (0..1) of `query` with each of `texts`, fitted on all of them."""
    if not texts:
        return []
    # Each distinct text is vectorised once (blockers copied from the catalogue repeat); the
    # IDF then counts distinct texts, which keeps one often-repeated text from drowning out.
    distinct = list(dict.fromkeys([query, *texts]))
    position = {text: i for i, text in enumerate(distinct)}
    rows = vectors(distinct)
    scores = (rows @ rows[0].T).toarray().ravel()
    return [round(min(1.0, max(0.0, float(scores[position[t]]))), 4) for t in texts]


def matrix(texts: Sequence[str]) -> np.ndarray:
    """All pairwise similarities (for small sets: tests and the full recompute per group)."""
    if not texts:
        return np.zeros((0, 0))
    rows = vectors(texts)
    return np.clip((rows @ rows.T).toarray(), 0.0, 1.0)
