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
3. replay per scope in memory (replay.py, no queries);
4. write only the differences (writing.py): a re-found candidate (same reference item, same
   scope) keeps its row, its first `found_at` and every link that did not change; links that
   changed are deleted and inserted (COPY on PostgreSQL); candidates not found again are
   deleted; the `in_pattern` flags follow the links.
The result is the same as dropping every candidate and matching all items one by one
(tests/learning/test_recompute_same.py).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction

from doorbraak.accounts.models import Organisation

from . import matching, replay, signature, signature_store, workflow, writing
from .matching import Item, ReferenceTexts, Scope, micros
from .models import Pattern, PatternBlocker, PatternStatus, Signal, SignalStatus, Signature

#: PostgreSQL work_mem of the recompute's transaction (SET LOCAL): sorts and hash joins over
#: the million signatures in memory. One connection at a time runs it (a nightly job).
RECOMPUTE_WORK_MEM = "256MB"


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


@transaction.atomic
def _recompute(*, params=None, now=None) -> dict[str, int]:
    params = params or matching.parameters()
    if connection.vendor == "postgresql":
        # For this transaction only: the one pass sorts every signature in the window, and
        # the flag statements hash-join a million rows; with the default 4 MB both spill to
        # disk in batches (issue 14).
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL work_mem = '{RECOMPUTE_WORK_MEM}'")
    signature_store.store_signatures()
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
    product = replay.Product.choose(order, items, references, scopes, params.threshold)
    found: list[writing.Found] = []
    existing_links: list[tuple[Pattern, Item, float]] = []
    for scope in order:
        if not items[scope]:
            continue
        patterns = scopes[scope].patterns
        new, links = replay.replay(
            items[scope], [references[p.pk] for p in patterns], product.of(scope), params
        )
        fresh = [writing.Found(scope, ref) for ref in new]
        for index, item, score in links:
            if index < len(patterns):
                existing_links.append((patterns[index], item, score))
            else:
                fresh[index - len(patterns)].members.append((item, score))
        found += fresh
    removed = writing.write(found, existing_links, dropped, old_links, cache)
    writing.sync_flags()
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
    stored = signature_store.stored_vectors([p.reference_blocker_id for p in patterns])
    references = {}
    for pattern in patterns:
        scopes[(pattern.organisation_id, pattern.municipality_id)].patterns.append(pattern)
        if pattern.reference_blocker_id:
            text = stored.get(pattern.reference_blocker_id)
            if text is None:
                made = signature_store.ensure_signature(pattern.reference_blocker_id)
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
