"""The full recompute's replay of one scope in memory (recompute.py reads, writing.py
writes): neighbour lists of the distinct texts from one blocked sparse product (shared by
all scopes when that is smaller), then the incremental rule of grouping.py item by item.
No queries but the vectors' one read (`Product.choose`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from . import grouping, signature, signature_store
from .matching import Item, Scope

#: One neighbour product for all scopes when (distinct texts of all scopes)² is at most this
#: share of Σ (distinct texts per scope)²; tests set it to 0 to force one product per scope.
GLOBAL_PRODUCT_SHARE = 1.0


def _neighbours(rows, threshold: float) -> tuple[list, np.ndarray]:
    """For each row (a text's vector), the rows scoring at or above `threshold` as (indices,
    scores), itself included with 1.0; and each row's score with itself as computed (a
    pattern's reference is another node with the same text). In blocks: memory bounded."""
    columns = rows.T.tocsc()
    size = rows.shape[0]
    result, self_scores = [], np.zeros(size, dtype=np.float32)
    block = max(1, 20_000_000 // max(size, 1))
    for start in range(0, size, block):
        scores = (rows[start : start + block] @ columns).toarray()
        for offset, line in enumerate(scores):
            self_scores[start + offset] = min(line[start + offset], 1.0)
            line[start + offset] = 1.0
            hits = np.flatnonzero(line >= threshold)
            result.append((hits, np.minimum(line[hits], 1.0)))
    return result, self_scores


@dataclass
class Nodes:
    """One scope's texts as nodes of a neighbour product: `of_digest` (digest → node),
    `neighbours` (node → (indices, scores)), `self_scores` and `size`."""

    of_digest: dict[int, int]
    neighbours: list
    self_scores: np.ndarray

    def reference(self, digest: int) -> tuple[np.ndarray, np.ndarray]:
        """A pattern reference's row: its text's, with the text itself at the score the
        product gives (not 1.0: the reference is not the same node as its text)."""
        node = self.of_digest[digest]
        hits, scores = self.neighbours[node]
        scores = scores.copy()
        scores[np.searchsorted(hits, node)] = self.self_scores[node]
        return hits, scores


class Product:
    """The neighbour lists: one product for all scopes, or one per scope (`of`)."""

    def __init__(self, vectors: dict[int, bytes], threshold: float, shared: bool):
        self.vectors, self.threshold, self.shared = vectors, threshold, shared
        self.digests: dict[Scope, list[int]] = {}
        self._all: Nodes | None = None

    @classmethod
    def choose(cls, order, items, references, scopes, threshold) -> Product:
        per_scope = {}
        for scope in order:
            digests = dict.fromkeys(item.digest for item in items[scope])
            if digests:
                digests.update(dict.fromkeys(references[p.pk][0] for p in scopes[scope].patterns))
            per_scope[scope] = list(digests)
        every = {d for digests in per_scope.values() for d in digests}
        cost = sum(len(digests) ** 2 for digests in per_scope.values())
        shared = len(every) ** 2 <= GLOBAL_PRODUCT_SHARE * cost
        first_of: dict[int, int] = {}
        vectors: dict[int, bytes] = {}
        for scope in order:
            for pk, _case, _team, digest, _created in scopes[scope].rows:
                first_of.setdefault(digest, pk)
            for item, rule, effect in scopes[scope].signals:
                if item.digest not in first_of:
                    vectors.setdefault(item.digest, signature.of(rule, effect))
        vectors.update(signature_store.vectors_of(first_of))
        for digest, vector in references.values():
            vectors.setdefault(digest, vector)
        product = cls(vectors, threshold, shared)
        product.digests = per_scope
        return product

    def of(self, scope: Scope) -> Nodes:
        digests = list(self.vectors) if self.shared else self.digests[scope]
        if self.shared and self._all is not None:
            return self._all
        rows = signature.decode([self.vectors[d] for d in digests])
        neighbours, self_scores = _neighbours(rows, self.threshold)
        nodes = Nodes({d: i for i, d in enumerate(digests)}, neighbours, self_scores)
        if self.shared:
            self._all = nodes
        return nodes


def replay(
    items: list[Item], references: list[tuple[int, bytes]], nodes: Nodes, params
) -> tuple[list[Item], list[tuple[int, Item, float]]]:
    """One scope in memory, without queries: the incremental rule (grouping.best_pattern,
    grouping.new_group) for each item in the order recorded, with the same outcome as
    matching the items one by one. Returns the new patterns' reference items and the links
    (pattern index, item, score); indices below len(references) are the open patterns."""
    size = len(nodes.neighbours)
    # The best pattern reference for each text; a tie keeps the earlier pattern, as
    # grouping.best_pattern does (lowest id first).
    best_score = np.full(size, -1.0, dtype=np.float32)
    best_pattern = np.full(size, -1, dtype=np.int64)

    def add_reference(hits, scores, index: int) -> None:
        better = scores > best_score[hits]
        best_score[hits[better]] = scores[better]
        best_pattern[hits[better]] = index

    for index, (digest, _vector) in enumerate(references):
        add_reference(*nodes.reference(digest), index)
    # Python copies for the loop (an item reads them; they change only with a new pattern)
    pattern_of, score_of = best_pattern.tolist(), best_score.tolist()
    has_free = np.zeros(size, dtype=bool)
    free: dict[int, list[int]] = defaultdict(list)  # text → earlier items in no pattern yet
    new: list[Item] = []
    links: list[tuple[int, Item, float]] = []
    of_digest = nodes.of_digest
    for i, item in enumerate(items):
        n = of_digest[item.digest]
        if pattern_of[n] >= 0:
            links.append((pattern_of[n], item, score_of[n]))
            continue
        hits, scores = nodes.neighbours[n]
        chosen = has_free[hits]
        pool_scores = {
            j: float(score)
            for m, score in zip(hits[chosen], scores[chosen], strict=True)
            for j in free[m]
        }
        cases = {j: items[j].cases for j in pool_scores}
        cases[i] = item.cases
        members = grouping.new_group(i, pool_scores, cases, params)
        if members is None:
            free[n].append(i)
            has_free[n] = True
            continue
        new.append(item)
        index = len(references) + len(new) - 1
        links += [(index, items[j], pool_scores.get(j, 1.0)) for j in members]
        for m in hits[chosen]:
            free.pop(m, None)
        has_free[hits[chosen]] = False
        add_reference(hits, scores, index)
        pattern_of, score_of = best_pattern.tolist(), best_score.tolist()
    return new, links
