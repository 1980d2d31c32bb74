"""A compact text signature per blocker, computed once when it is written and compared many
times: the fast path of pattern matching (matching.py), without Django.

The same two views as similarity.py (stemmed words without stop words; character 3-5-grams
within words), each sublinear (1 + log tf), L2-normalised and weighted equally, but *hashed*
into a fixed space instead of fitted per comparison (scikit-learn's HashingVectorizer): a
blocker's vector never changes when other blockers arrive, so it is stored with the blocker
(learning.models.Signature) and matching one new blocker is one sparse product against the
stored vectors of its scope. There is no IDF (it would depend on the other texts); the stop
list and the character view keep common words from dominating, and the threshold is chosen
for these vectors (settings.PATTERN_SIMILARITY, tests/learning/test_similarity.py).

Stored form: the non-zero feature numbers (uint32) followed by their weights (float16), about
six bytes per distinct word or n-gram; a typical blocker takes 0.5–1 kB.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from .similarity import item_text, normalise, words

#: Features per view (words, character n-grams); the vector has twice as many.
VIEW_FEATURES = 2**19
FEATURES = 2 * VIEW_FEATURES

_WORDS = HashingVectorizer(
    analyzer=words, n_features=VIEW_FEATURES, alternate_sign=False, norm=None, dtype=np.float32
)
_CHARS = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(3, 5),
    preprocessor=normalise,
    n_features=VIEW_FEATURES,
    alternate_sign=False,
    norm=None,
    dtype=np.float32,
)
_SCALE = np.float32(np.sqrt(0.5))


def _view(vectorizer, texts: Sequence[str]):
    rows = vectorizer.transform(texts)
    rows.data = 1 + np.log(rows.data)
    return normalize(rows, norm="l2", copy=False)


def vectors(texts: Sequence[str]) -> csr_matrix:
    """Combined rows (L2 norm 1, or 0 for a text without words) for `texts`."""
    rows = hstack([_view(_WORDS, texts), _view(_CHARS, texts)]).tocsr()
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    # A text with words but no n-grams of 3+ letters (or the reverse) keeps norm 1.
    scale = np.where(norms > 0, 1 / np.maximum(norms, 1e-12), 0).astype(np.float32)
    rows = csr_matrix(rows.multiply(scale[:, None]))
    rows.sort_indices()
    return rows


def of(rule: str, effect: str) -> bytes:
    """The stored signature of one blocker (or signal)."""
    return encode_rows(vectors([item_text(rule, effect)]))[0]


def many(pairs: Sequence[tuple[str, str]]) -> list[bytes]:
    """Signatures of many (rule, effect) pairs at once (the full recompute, the benchmark)."""
    if not pairs:
        return []
    return encode_rows(vectors([item_text(rule, effect) for rule, effect in pairs]))


def digest(rule: str, effect: str) -> int:
    """A signed 63-bit number naming the text, so a changed blocker gets a new signature."""
    value = hashlib.blake2b(item_text(rule, effect).encode(), digest_size=8).digest()
    return int.from_bytes(value, "big") >> 1


def encode_rows(rows: csr_matrix) -> list[bytes]:
    out = []
    for i in range(rows.shape[0]):
        start, end = rows.indptr[i], rows.indptr[i + 1]
        out.append(
            rows.indices[start:end].astype("<u4").tobytes()
            + rows.data[start:end].astype("<f2").tobytes()
        )
    return out


def decode(blobs: Sequence[bytes]) -> csr_matrix:
    """Stored signatures back into one sparse matrix, one row each."""
    blobs = [bytes(b) for b in blobs]
    lengths = np.fromiter((len(b) // 6 for b in blobs), dtype=np.int64, count=len(blobs))
    indptr = np.zeros(len(blobs) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    # One pass over all bytes: in each blob the first 4n bytes are feature numbers, the
    # last 2n weights.
    buffer = np.frombuffer(b"".join(blobs), dtype=np.uint8)
    sizes = 6 * lengths
    starts = np.repeat(np.cumsum(sizes) - sizes, sizes)
    is_index = (np.arange(buffer.size) - starts) < np.repeat(4 * lengths, sizes)
    indices = buffer[is_index].view("<u4").astype(np.int32)
    data = buffer[~is_index].view("<f2").astype(np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(blobs), FEATURES))


def scores(query: bytes, blobs: Sequence[bytes]) -> np.ndarray:
    """Cosine similarity (0..1) of one signature with each of `blobs`."""
    if not blobs:
        return np.zeros(0, dtype=np.float32)
    rows = decode([query, *blobs])
    result = (rows[1:] @ rows[0].T).toarray().ravel()
    return np.clip(result, 0.0, 1.0)
