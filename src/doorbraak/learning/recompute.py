"""The full recompute of patterns (`recompute_patterns`; management command `doorbraak
recompute_patterns`): every candidate pattern is found again by replaying all unassigned
blockers and signals of the window in the order they were recorded, with the same rule as
matching one new item (matching.py, grouping.py).

How (issue 14's profile at 1,000,000 blockers: the time was PostgreSQL rewriting rows):
1. read: one pass over the narrow signature table for all scopes, one query for the signals,
   one for the pattern links, one for all scopes' open patterns and reference vectors, and
   the vectors of the distinct texts (one query per 5,000);
2. neighbour lists: one sparse product over the distinct texts of all scopes together when
   that is smaller than one per scope (many scopes sharing texts), else one per scope;
3. replay per scope in memory (`_replay`, no queries);
4. write only the differences: a re-found candidate (same reference item, same scope) keeps
   its row, its first `found_at` and every link that did not change; links that changed are
   deleted and inserted (COPY on PostgreSQL); candidates not found again are deleted; the
   `in_pattern` flags follow the links.
The result is the same as dropping every candidate and matching all items one by one
(tests/learning/test_recompute_same.py).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from django.db import OperationalError, connection, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from doorbraak.accounts.models import Organisation
from doorbraak.cases.models import Blocker
from doorbraak.ui import formatting

from . import grouping, matching, signature, workflow
from .matching import Item, ReferenceTexts, Scope, micros
from .models import Pattern, PatternBlocker, PatternStatus, Signal, SignalStatus, Signature

#: PostgreSQL work_mem of the recompute's transaction (SET LOCAL): sorts and hash joins over
#: the million signatures in memory. One connection at a time runs it (a nightly job).
RECOMPUTE_WORK_MEM = "256MB"

#: One neighbour product for all scopes when (distinct texts of all scopes)² is at most this
#: share of Σ (distinct texts per scope)²; tests set it to 0 to force one product per scope.
GLOBAL_PRODUCT_SHARE = 1.0


def recompute_patterns(*, params=None, now=None) -> dict[str, int]:
    """Full recompute: candidate patterns (not the confirmed and dismissed ones, nor
    candidates a signal was linked to by hand) are found again over every unassigned blocker
    and signal in the window, in the order they were recorded. Idempotent. Returns
    {"removed": candidates recomputed, "found": candidates found}.

    Python's cycle collector is paused meanwhile: the recompute holds millions of small
    objects (rows, items) that make no cycles, and each full collection would walk them all
    again (issue 14's profile)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _recompute(params=params, now=now)
    finally:
        if enabled:
            gc.enable()


@dataclass(slots=True)
class _Scope:
    """What one scope's replay needs, read for all scopes at once."""

    patterns: list = field(default_factory=list)  # open patterns kept, by id
    rows: list = field(default_factory=list)  # signature rows, oldest first
    signals: list = field(default_factory=list)  # unassigned signal items


@dataclass(slots=True)
class _Found:
    scope: Scope
    reference: Item
    members: list = field(default_factory=list)  # (item, score)
    pk: int | None = None


@transaction.atomic
def _recompute(*, params=None, now=None) -> dict[str, int]:
    params = params or matching.parameters()
    if connection.vendor == "postgresql":
        # For this transaction only: the one pass sorts every signature in the window, and
        # the flag statements hash-join a million rows; with the default 4 MB both spill to
        # disk in batches (issue 14).
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL work_mem = '{RECOMPUTE_WORK_MEM}'")
    matching.store_signatures()
    hand_linked = set(
        Signal.objects.filter(status=SignalStatus.LINKED, similarity__isnull=True).values_list(
            "pattern_id", flat=True
        )
    )
    dropped = {
        row[0]: row
        for row in Pattern.objects.filter(status=PatternStatus.CANDIDATE)
        .order_by("pk")
        .values_list(
            "pk",
            "reference_blocker_id",
            "reference_signal_id",
            "organisation_id",
            "municipality_id",
            "rule",
            "effect",
            "summary",
            "cases_count",
            "teams_count",
        )
        if row[0] not in hand_linked
    }
    cache = ReferenceTexts(
        previous={row[1]: (row[5], row[6]) for row in dropped.values() if row[1] is not None}
    )
    if dropped:
        Signal.objects.filter(pattern_id__in=list(dropped)).update(pattern=None, similarity=None)
    since = matching.window_start(params, now)
    scopes: dict[Scope, _Scope] = defaultdict(_Scope)
    for scope, rows in _signatures_by_scope(since).items():
        scopes[scope].rows = rows
    _read_signals(since, scopes)
    # The organisations' rows, as one match locks them: no match runs meanwhile.
    list(
        Organisation.objects.select_for_update()
        .filter(pk__in={scope[0] for scope in scopes})
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    old_links, kept = _links(dropped)
    references = _open_patterns(dropped, scopes)
    order = sorted(scopes, key=lambda s: (s[0], s[1] or 0))
    items = {scope: _items(scopes[scope], kept) for scope in order}
    product = _Product.choose(order, items, references, scopes, params.threshold)
    found: list[_Found] = []
    existing_links: list[tuple[Pattern, Item, float]] = []
    for scope in order:
        if not items[scope]:
            continue
        patterns = scopes[scope].patterns
        new, links = _replay(
            items[scope], [references[p.pk] for p in patterns], product.of(scope), params
        )
        fresh = [_Found(scope, ref) for ref in new]
        for index, item, score in links:
            if index < len(patterns):
                existing_links.append((patterns[index], item, score))
            else:
                fresh[index - len(patterns)].members.append((item, score))
        found += fresh
    removed = _write(found, existing_links, dropped, old_links, cache)
    _sync_flags()
    return {"removed": removed, "found": len(found)}


def _signatures_by_scope(since) -> dict[Scope, list]:
    """One pass over the signatures in the window (narrow columns, sorted in the database)
    for all scopes: scope → [(pk, case_id, team_id, digest, created_at in microseconds)],
    oldest first. On PostgreSQL one plain query whose dates arrive as integers (a million
    timezone-aware datetimes cost more to make than the rest of the row)."""
    by_scope: dict[Scope, list] = defaultdict(list)
    if connection.vendor == "postgresql":
        sql = (  # learning_signature: Signature._meta.db_table (test_recompute_same.py)
            "SELECT organisation_id, municipality_id, blocker_id, case_id, team_id, digest, "
            "(EXTRACT(EPOCH FROM created_at) * 1000000)::bigint FROM learning_signature "
            "WHERE created_at >= %s "
            "ORDER BY organisation_id, municipality_id, created_at, blocker_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [since])
            for row in cursor.fetchall():
                by_scope[(row[0], row[1])].append(row[2:])
        return by_scope
    ordered = Signature.objects.filter(created_at__gte=since).order_by(
        "organisation_id", "municipality_id", "created_at", "pk"
    )
    for organisation_id, municipality_id, *row in ordered.values_list(
        "organisation_id", "municipality_id", "pk", "case_id", "team_id", "digest", "created_at"
    ).iterator(chunk_size=50_000):
        row[-1] = micros(row[-1])
        by_scope[(organisation_id, municipality_id)].append(tuple(row))
    return by_scope


def _read_signals(since, scopes: dict[Scope, _Scope]) -> None:
    """The signals of the window in no pattern (and not closed), as items of their scope;
    every signal of the window names a scope (as the match of one signal does)."""
    signals = list(
        Signal.objects.filter(created_at__gte=since).select_related(
            "created_by__team__neighbourhood"
        )
    )
    unassigned = {s.pk for s in signals if s.pattern_id is None and s.status != SignalStatus.CLOSED}
    cases = matching.signal_cases(unassigned)
    for signal in signals:
        scope = scopes[matching.signal_scope(signal)]
        if signal.pk in unassigned:
            digest = signature.digest(signal.rule, signal.effect)
            created = micros(signal.created_at)
            item = Item("s", signal.pk, digest, frozenset(cases[signal.pk]), created)
            scope.signals.append((item, signal.rule, signal.effect))


def _links(dropped) -> tuple[dict[int, tuple[int, int]], set[int]]:
    """The links of the candidates being recomputed (blocker → (pattern, similarity × 10⁴))
    and the blockers in the other patterns (they stay where they are), in one read."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT blocker_id, pattern_id, (similarity * 10000)::integer "  # noqa: S608
                f"FROM {PatternBlocker._meta.db_table}"
            )
            rows = cursor.fetchall()
    else:
        rows = [
            (b, p, int(s.scaleb(4)))
            for b, p, s in PatternBlocker.objects.values_list(
                "blocker_id", "pattern_id", "similarity"
            )
        ]
    old, kept = {}, set()
    for blocker, pattern, similarity in rows:
        if pattern in dropped:
            old[blocker] = (pattern, similarity)
        else:
            kept.add(blocker)
    return old, kept


def _open_patterns(dropped, scopes: dict[Scope, _Scope]) -> dict[int, tuple[int, bytes]]:
    """The open patterns that stay (confirmed; candidates linked to a signal by hand) into
    their scopes, by id, and each one's reference text: pattern id → (digest, vector)."""
    patterns = list(
        Pattern.objects.filter(status__in=workflow.OPEN_PATTERNS)
        .exclude(pk__in=list(dropped))
        .select_related("reference_signal")
        .order_by("pk")
    )
    stored = matching.stored_vectors([p.reference_blocker_id for p in patterns])
    references = {}
    for pattern in patterns:
        scopes[(pattern.organisation_id, pattern.municipality_id)].patterns.append(pattern)
        if pattern.reference_blocker_id:
            text = stored.get(pattern.reference_blocker_id)
            if text is None:
                made = matching.ensure_signature(pattern.reference_blocker_id)
                text = (made.digest, bytes(made.vector))
        else:
            ref = pattern.reference_signal
            text = (signature.digest(ref.rule, ref.effect), signature.of(ref.rule, ref.effect))
        references[pattern.pk] = text
    return references


def _items(scope: _Scope, kept: set[int]) -> list[Item]:
    """The scope's unassigned blockers and signals, oldest first (signals after blockers of
    the same moment, as one by one)."""
    items = [
        Item("b", pk, digest, frozenset({case_id}), created, team_id)
        for pk, case_id, team_id, digest, created in scope.rows
        if pk not in kept
    ]
    if scope.signals:  # the blockers alone come sorted by (created_at, pk) already
        items += [item for item, _rule, _effect in scope.signals]
        items.sort(key=lambda item: (item.created_at, item.kind, item.pk))
    return items


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
class _Nodes:
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


class _Product:
    """The neighbour lists: one product for all scopes, or one per scope (`of`)."""

    def __init__(self, vectors: dict[int, bytes], threshold: float, shared: bool):
        self.vectors, self.threshold, self.shared = vectors, threshold, shared
        self.digests: dict[Scope, list[int]] = {}
        self._all: _Nodes | None = None

    @classmethod
    def choose(cls, order, items, references, scopes, threshold) -> _Product:
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
        vectors.update(matching.vectors_of(first_of))
        for digest, vector in references.values():
            vectors.setdefault(digest, vector)
        product = cls(vectors, threshold, shared)
        product.digests = per_scope
        return product

    def of(self, scope: Scope) -> _Nodes:
        digests = list(self.vectors) if self.shared else self.digests[scope]
        if self.shared and self._all is not None:
            return self._all
        rows = signature.decode([self.vectors[d] for d in digests])
        neighbours, self_scores = _neighbours(rows, self.threshold)
        nodes = _Nodes({d: i for i, d in enumerate(digests)}, neighbours, self_scores)
        if self.shared:
            self._all = nodes
        return nodes


def _replay(
    items: list[Item], references: list[tuple[int, bytes]], nodes: _Nodes, params
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


class _Similarities(dict):
    """score → (Decimal as stored, the same × 10⁴ as an integer): few distinct scores."""

    def __missing__(self, score: float):
        value = Decimal(str(round(score, 4)))
        self[score] = result = (value, int(value.scaleb(4)))
        return result


def _write(found: list[_Found], existing_links, dropped, old_links, cache) -> int:
    """Write what the replay found, changing only what differs from what is stored; returns
    how many candidates were recomputed (all dropped ones, as before)."""
    old_by_reference: dict[tuple[str, int], tuple] = {}
    for row in dropped.values():
        key = ("b", row[1]) if row[1] is not None else ("s", row[2])
        old_by_reference.setdefault(key, row)
    _texts_and_rows(found, old_by_reference, cache)
    reused = {f.pk for f in found}
    gone = [pk for pk in dropped if pk not in reused]
    similarity = _Similarities()
    wanted: dict[int, tuple[int, int, Decimal]] = {}  # blocker → (pattern, × 10⁴, value)
    signal_links: list[tuple[int, Item, float]] = []
    touched: set[int] = set()
    for pattern, item, score in existing_links:
        touched.add(pattern.pk)
        if item.kind == "b":
            value, whole = similarity[score]
            wanted[item.pk] = (pattern.pk, whole, value)
        else:
            signal_links.append((pattern.pk, item, score))
    for pattern in found:
        for item, score in pattern.members:
            if item.kind == "b":
                value, whole = similarity[score]
                wanted[item.pk] = (pattern.pk, whole, value)
            else:
                signal_links.append((pattern.pk, item, score))
                touched.add(pattern.pk)
    stale = [
        blocker
        for blocker, (pattern, whole) in old_links.items()
        if wanted.get(blocker, (None, None))[:2] != (pattern, whole)
    ]
    new_links = [
        (pattern, blocker, value)
        for blocker, (pattern, whole, value) in wanted.items()
        if old_links.get(blocker) != (pattern, whole)
    ]
    _delete_links(stale)
    if gone:
        Pattern.objects.filter(pk__in=gone).delete()
    _insert_links(new_links)
    for pattern_pk, item, score in signal_links:
        Signal.objects.filter(pk=item.pk, pattern__isnull=True).update(
            pattern_id=pattern_pk, similarity=similarity[score][0]
        )
    for pattern in Pattern.objects.filter(pk__in=touched):
        matching.refresh_counts(pattern)
    return len(dropped)


def _texts_and_rows(found: list[_Found], old_by_reference, cache) -> None:
    """Each found pattern's row: the candidate with the same reference item in the same
    scope is kept (its texts and counts updated when they differ), the others are made with
    anonymised texts, at once. Sets `pk` on each."""
    organisations = dict(
        Organisation.objects.filter(pk__in={f.scope[0] for f in found}).values_list("pk", "name")
    )
    signals = Signal.objects.in_bulk([f.reference.pk for f in found if f.reference.kind == "s"])
    fresh = [f for f in found if f.reference.kind == "b" and f.reference.pk not in cache.previous]
    blockers = {}
    if fresh:  # the households' names, for the anonymiser, in two queries
        blockers = Blocker.objects.select_related("organisation", "case__household")
        blockers = blockers.prefetch_related("case__household__members").in_bulk(
            [f.reference.pk for f in fresh]
        )
    created = []
    for pattern in found:
        ref = pattern.reference
        if ref.kind == "b":
            if ref.pk in cache.previous:
                rule, effect = cache.previous[ref.pk]
            else:
                rule, effect = matching.anonymised_reference(blockers[ref.pk], cache)
            refs = {"reference_blocker_id": ref.pk}
        else:
            signal = signals[ref.pk]
            rule, effect, refs = signal.rule, signal.effect, {"reference_signal_id": ref.pk}
        items = [item for item, _score in pattern.members]
        values = {
            "summary": _("%(organisation)s: %(rule)s")
            % {
                "organisation": organisations[pattern.scope[0]],
                "rule": formatting.shorten(rule, 160),
            },
            "rule": rule,
            "effect": effect,
            "cases_count": len({case for item in items for case in item.cases}),
            "teams_count": len({item.team for item in items if item.team is not None}),
        }
        old = old_by_reference.pop(ref.key, None)
        if old is not None and (old[3], old[4]) == pattern.scope:
            pattern.pk = old[0]
            stored = dict(
                zip(
                    ("rule", "effect", "summary", "cases_count", "teams_count"),
                    old[5:],
                    strict=True,
                )
            )
            changed = {k: v for k, v in values.items() if stored[k] != v}
            if changed:
                Pattern.objects.filter(pk=old[0]).update(**changed)
            continue
        created.append(
            (
                pattern,
                Pattern(
                    organisation_id=pattern.scope[0],
                    municipality_id=pattern.scope[1],
                    **values,
                    **refs,
                ),
            )
        )
    saved = Pattern.objects.bulk_create([row for _f, row in created], batch_size=1000)
    for (pattern, _row), row in zip(created, saved, strict=True):
        pattern.pk = row.pk


def _delete_links(blockers: list[int]) -> None:
    for start in range(0, len(blockers), 50_000):
        PatternBlocker.objects.filter(blocker_id__in=blockers[start : start + 50_000])._raw_delete(
            PatternBlocker.objects.db
        )


#: From this many new links on (the first recompute, a changed threshold) PostgreSQL checks
#: the link table's foreign keys once for the whole table instead of once per row.
BULK_LINKS = 20_000


def _insert_links(links: list[tuple[int, int, Decimal]]) -> None:
    """Many new pattern links (pattern id, blocker id, similarity) at once: COPY on
    PostgreSQL (a million in seconds), bulk insert elsewhere."""
    if not links:
        return
    if connection.vendor != "postgresql":
        PatternBlocker.objects.bulk_create(
            [PatternBlocker(pattern_id=p, blocker_id=b, similarity=v) for p, b, v in links],
            batch_size=5000,
        )
        return
    table = PatternBlocker._meta.db_table
    with (
        _foreign_keys_checked_once(table, len(links) >= BULK_LINKS),
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} (pattern_id, blocker_id, similarity) FROM STDIN") as copy,
    ):
        for row in links:
            copy.write_row(row)


@contextmanager
def _foreign_keys_checked_once(table: str, bulk: bool):
    """PostgreSQL checks a deferred foreign key per inserted row at COMMIT (a locking
    look-up of the referenced row each: 4.4 s for 100,000 links, issue 14); dropped before
    a bulk insert and added again after, it checks all rows in one join (0.2 s). ALTER TABLE
    locks the table (and blocks writes to the referenced tables) until COMMIT: tried for at
    most LOCK_WAIT, else the rows are checked one by one as usual."""
    if not bulk:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
            [table],
        )
        keys = cursor.fetchall()
        cursor.execute("SHOW lock_timeout")
        previous = cursor.fetchone()[0]
        # The checks queued so far run now (few: new patterns), so the table can be altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        try:
            with transaction.atomic():
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [LOCK_WAIT])
                for name, _definition in keys:
                    cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        except OperationalError:
            keys = []  # busy: checked per row at COMMIT instead
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])
    yield
    with connection.cursor() as cursor:
        for name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


#: How long the recompute waits for the link table's lock before a bulk insert.
LOCK_WAIT = "2s"


def _sync_flags() -> None:
    """Signature.in_pattern equal to "has a pattern link" again, in two statements that
    rewrite only the rows whose membership changed, without reading the links into Python."""
    link = PatternBlocker.objects.filter(blocker_id=OuterRef("pk"))
    Signature.objects.filter(~Exists(link), in_pattern=True).update(in_pattern=False)
    Signature.objects.filter(Exists(link), in_pattern=False).update(in_pattern=True)
