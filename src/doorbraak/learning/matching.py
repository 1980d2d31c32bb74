"""Finding patterns: every write that groups blockers and signals into patterns.

`pattern_match_blocker(blocker_id)` runs for every new blocker and `pattern_match_signal(
signal_id)` for every new signal (sent explicitly by cases.services.blocker_add and
learning.services.signal_record through learning/tasks.py: in a worker after commit when a
broker is configured, at once otherwise); `recompute_patterns()` replays all unassigned
items (management command `recompute_patterns`). The rules are in grouping.py (pure), the
text vectors in signature.py (pure).

Scope: items are compared only within one organisation *and one municipality* (the
municipality of the case's team's wijk; for a signal that of its writer's team): a pattern
groups across the teams of a municipality, never across municipalities.

Speed: each blocker's signature (learning.models.Signature: its hashed text vector with its
organisation, municipality, case, team and date) is stored the first time it is matched, so
matching one new blocker reads its scope's candidates with one indexed query (vectors only
once per distinct text) and does one sparse product; nothing is fitted per call. The full
recompute reads the signatures per scope, compares each distinct text once with every other
(neighbour lists), and replays the incremental rule item by item over those lists.
Matching locks the organisation's row, so two blockers of one organisation are matched one
after the other and never put into two patterns at once.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.accounts.models import Organisation
from doorbraak.cases.models import Blocker
from doorbraak.ui import formatting

from . import grouping, signature, workflow
from .models import Pattern, PatternBlocker, PatternStatus, Signal, SignalStatus, Signature


def parameters(**overrides) -> grouping.Parameters:
    values = {
        "min_cases": settings.PATTERN_MIN_CASES,
        "window_months": settings.PATTERN_WINDOW_MONTHS,
        "threshold": settings.PATTERN_SIMILARITY,
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    return grouping.Parameters(**values)


def window_start(params: grouping.Parameters, now: datetime.datetime | None = None):
    now = now or timezone.now()
    day = grouping.window_start(timezone.localtime(now).date(), params.window_months)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


Scope = tuple[int, int | None]  # (organisation id, municipality id or None)


@dataclass
class Item:
    kind: str  # "b" blocker, "s" signal
    pk: int
    digest: int  # names the text: equal digests, equal vectors
    cases: frozenset = field(default_factory=frozenset)
    created_at: datetime.datetime | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.pk)


_BLOCKER_FIELDS = (
    "pk",
    "organisation_id",
    "case__team__neighbourhood__municipality_id",
    "case_id",
    "case__team_id",
    "rule",
    "effect",
    "created_at",
)


def _signature_from(row) -> Signature:
    pk, organisation_id, municipality_id, case_id, team_id, rule, effect, created_at = row
    return Signature(
        blocker_id=pk,
        organisation_id=organisation_id,
        municipality_id=municipality_id,
        case_id=case_id,
        team_id=team_id,
        created_at=created_at,
        digest=signature.digest(rule, effect),
    )


def ensure_signature(blocker_id: int) -> Signature | None:
    """The blocker's stored signature, written now if it is missing or its text, case or
    team changed."""
    row = Blocker.objects.filter(pk=blocker_id).values_list(*_BLOCKER_FIELDS).first()
    if row is None:
        return None
    fresh = _signature_from(row)
    stored = Signature.objects.filter(pk=blocker_id).first()
    same = ("digest", "municipality_id", "organisation_id", "case_id", "team_id", "created_at")
    if stored is not None and all(getattr(stored, f) == getattr(fresh, f) for f in same):
        return stored
    fresh.vector = signature.of(row[5], row[6])
    fresh.in_pattern = PatternBlocker.objects.filter(blocker_id=blocker_id).exists()
    fresh.save()
    return fresh


def store_signatures(chunk: int = 20_000) -> int:
    """Signatures for every blocker without one (blockers written before this table, bulk
    loads), and fresh ones for blockers whose date was moved (the demo backdates); the full
    recompute calls it first. Returns how many were written."""
    moved = Signature.objects.exclude(created_at=F("blocker__created_at")).values_list(
        "pk", flat=True
    )
    for pk in list(moved):
        ensure_signature(pk)
    written = 0
    while True:
        rows = list(
            Blocker.objects.filter(signature__isnull=True)
            .order_by("pk")
            .values_list(*_BLOCKER_FIELDS)[:chunk]
        )
        if not rows:
            return written
        vectors = signature.many([(row[5], row[6]) for row in rows])
        batch = []
        linked = set(
            PatternBlocker.objects.filter(blocker_id__in=[row[0] for row in rows]).values_list(
                "blocker_id", flat=True
            )
        )
        for row, vector in zip(rows, vectors, strict=True):
            item = _signature_from(row)
            item.vector, item.in_pattern = vector, row[0] in linked
            batch.append(item)
        Signature.objects.bulk_create(batch, batch_size=2000)
        written += len(batch)


def _municipality_filter(scope: Scope, path: str) -> dict:
    municipality = scope[1]
    if municipality is None:
        return {f"{path}__isnull": True}
    return {path: municipality}


def _signal_scope(signal: Signal) -> Scope:
    team = signal.created_by.team if signal.created_by_id else None
    neighbourhood = team.neighbourhood if team is not None else None
    return (signal.organisation_id, neighbourhood.municipality_id if neighbourhood else None)


def _signal_cases(signal_ids) -> dict[int, set[int]]:
    cases: dict[int, set[int]] = {pk: set() for pk in signal_ids}
    links = Signal.blockers.through.objects.filter(signal_id__in=list(signal_ids))
    for signal_id, case_id in links.values_list("signal_id", "blocker__case_id"):
        cases[signal_id].add(case_id)
    return cases


def _unassigned(
    scope: Scope, since, exclude: tuple[str, int] | None
) -> tuple[list[Item], dict[int, bytes]]:
    """Blockers and signals of the scope in the window that are in no pattern, oldest
    first, and the vector of each distinct text among them (by digest)."""
    organisation_id = scope[0]
    blockers = (
        Signature.objects.filter(
            organisation_id=organisation_id,
            created_at__gte=since,
            in_pattern=False,
            **_municipality_filter(scope, "municipality_id"),
        )
        # The blocker's own date too: the demo and tests move dates after matching.
        .filter(blocker__created_at__gte=since)
        .order_by("created_at", "pk")
    )
    items, first_of = [], {}
    for pk, case_id, digest, created in blockers.values_list(
        "pk", "case_id", "digest", "created_at"
    ).iterator(chunk_size=20_000):
        items.append(Item("b", pk, digest, frozenset({case_id}), created))
        first_of.setdefault(digest, pk)
    vectors = _vectors_of(first_of)
    signals = list(
        Signal.objects.filter(
            organisation_id=organisation_id,
            created_at__gte=since,
            pattern__isnull=True,
            **_municipality_filter(scope, "created_by__team__neighbourhood__municipality_id"),
        )
        .exclude(status=SignalStatus.CLOSED)
        .values_list("pk", "rule", "effect", "created_at")
    )
    cases = _signal_cases(pk for pk, *_ in signals)
    for pk, rule, effect, created in signals:
        digest = signature.digest(rule, effect)
        vectors.setdefault(digest, signature.of(rule, effect))
        items.append(Item("s", pk, digest, frozenset(cases[pk]), created))
    items.sort(key=lambda item: (item.created_at, item.kind, item.pk))
    return [item for item in items if item.key != exclude], vectors


def _vectors_of(first_of: dict[int, int]) -> dict[int, bytes]:
    """digest → vector, reading one signature per distinct text."""
    vectors: dict[int, bytes] = {}
    pks = list(first_of.values())
    for start in range(0, len(pks), 5000):
        rows = Signature.objects.filter(pk__in=pks[start : start + 5000])
        vectors.update((digest, bytes(v)) for digest, v in rows.values_list("digest", "vector"))
    return vectors


def _open_patterns(scope: Scope) -> list[Pattern]:
    return list(
        Pattern.objects.filter(
            organisation_id=scope[0],
            status__in=workflow.OPEN_PATTERNS,
            **_municipality_filter(scope, "municipality_id"),
        )
        .select_related("reference_signal")
        .order_by("pk")
    )


def _reference_vectors(patterns: list[Pattern]) -> list[bytes]:
    """The vector of each pattern's reference item (blockers: stored; signals: computed)."""
    blocker_ids = [p.reference_blocker_id for p in patterns if p.reference_blocker_id]
    stored = dict(Signature.objects.filter(pk__in=blocker_ids).values_list("pk", "vector"))
    result = []
    for pattern in patterns:
        if pattern.reference_blocker_id:
            vector = stored.get(pattern.reference_blocker_id)
            if vector is None:
                vector = ensure_signature(pattern.reference_blocker_id).vector
            result.append(bytes(vector))
        else:
            ref = pattern.reference_signal
            result.append(signature.of(ref.rule, ref.effect))
    return result


def _link(pattern: Pattern, item: Item, score: float) -> None:
    value = Decimal(str(round(score, 4)))
    if item.kind == "b":
        PatternBlocker.objects.create(pattern=pattern, blocker_id=item.pk, similarity=value)
        Signature.objects.filter(pk=item.pk).update(in_pattern=True)
    else:
        Signal.objects.filter(pk=item.pk, pattern__isnull=True).update(
            pattern=pattern, similarity=value
        )


def _create_pattern(scope: Scope, reference: Item) -> Pattern:
    """A candidate with `reference` as its rule; the texts shown are anonymised."""
    organisation_id, municipality_id = scope
    if reference.kind == "b":
        from doorbraak.proposals.anonymised import anonymise_blockers

        blocker = Blocker.objects.select_related("organisation", "case__household").get(
            pk=reference.pk
        )
        texts = anonymise_blockers([blocker], case=blocker.case)[0]
        rule, effect, ref = texts["rule"], texts["effect"], {"reference_blocker": blocker}
    else:
        signal = Signal.objects.get(pk=reference.pk)  # stored anonymised already
        rule, effect, ref = signal.rule, signal.effect, {"reference_signal": signal}
    organisation = Organisation.objects.get(pk=organisation_id)
    summary = _("%(organisation)s: %(rule)s") % {
        "organisation": organisation.name,
        "rule": formatting.shorten(rule, 160),
    }
    return Pattern.objects.create(
        organisation_id=organisation_id,
        municipality_id=municipality_id,
        summary=summary,
        rule=rule,
        effect=effect,
        **ref,
    )


def refresh_counts(pattern: Pattern) -> None:
    """Distinct cases and teams of the pattern's blockers and its signals' blockers."""
    rows = set(
        Blocker.objects.filter(pattern_link__pattern=pattern).values_list(
            "case_id", "case__team_id"
        )
    ) | set(
        Blocker.objects.filter(signals__pattern=pattern).values_list("case_id", "case__team_id")
    )
    Pattern.objects.filter(pk=pattern.pk).update(
        cases_count=len({case for case, _ in rows}),
        teams_count=len({team for _, team in rows if team is not None}),
    )


def refresh_all_counts() -> None:
    """refresh_counts for every open pattern in a fixed number of queries (the recompute)."""
    rows: dict[int, set[tuple[int, int]]] = defaultdict(set)
    open_links = PatternBlocker.objects.filter(pattern__status__in=workflow.OPEN_PATTERNS)
    for pattern_id, case_id, team_id in open_links.values_list(
        "pattern_id", "blocker__case_id", "blocker__case__team_id"
    ).iterator(chunk_size=50_000):
        rows[pattern_id].add((case_id, team_id))
    signal_blockers = Blocker.objects.filter(
        signals__pattern__status__in=workflow.OPEN_PATTERNS
    ).values_list("signals__pattern_id", "case_id", "case__team_id")
    for pattern_id, case_id, team_id in signal_blockers:
        rows[pattern_id].add((case_id, team_id))
    patterns = list(Pattern.objects.filter(status__in=workflow.OPEN_PATTERNS).only("pk"))
    for pattern in patterns:
        pairs = rows.get(pattern.pk, set())
        pattern.cases_count = len({case for case, _ in pairs})
        pattern.teams_count = len({team for _, team in pairs if team is not None})
    Pattern.objects.bulk_update(patterns, ["cases_count", "teams_count"], batch_size=2000)


def _match(scope: Scope, item: Item, vector: bytes, params, now) -> Pattern | None:
    Organisation.objects.select_for_update().filter(pk=scope[0]).first()
    patterns = _open_patterns(scope)
    pool, vectors = _unassigned(scope, window_start(params, now), exclude=item.key)
    distinct = list(vectors)
    by_text = dict(
        zip(distinct, signature.scores(vector, [vectors[d] for d in distinct]), strict=True)
    )
    ref_scores = signature.scores(vector, _reference_vectors(patterns))
    pattern_scores = {p.pk: float(s) for p, s in zip(patterns, ref_scores, strict=True)}
    chosen = grouping.best_pattern(pattern_scores, params.threshold)
    if chosen is not None:
        pattern = next(p for p in patterns if p.pk == chosen)
        _link(pattern, item, pattern_scores[chosen])
        refresh_counts(pattern)
        return pattern
    pool_scores = {i: float(by_text[other.digest]) for i, other in enumerate(pool)}
    cases = {i: other.cases for i, other in enumerate(pool)}
    cases[-1] = item.cases
    members = grouping.new_group(-1, pool_scores, cases, params)
    if members is None:
        return None
    pattern = _create_pattern(scope, item)
    for index in members:
        _link(pattern, item if index == -1 else pool[index], pool_scores.get(index, 1.0))
    refresh_counts(pattern)
    return pattern


@transaction.atomic
def pattern_match_blocker(blocker_id: int, *, params=None, now=None) -> Pattern | None:
    """Put a new blocker into the pattern it belongs to, or start a candidate pattern with
    similar unassigned items. A blocker already in a pattern stays there (also a dismissed
    one: it does not come back). Returns the pattern, or None."""
    params = params or parameters()
    stored = ensure_signature(blocker_id)
    if stored is None:
        return None
    link = PatternBlocker.objects.filter(blocker_id=blocker_id).select_related("pattern").first()
    if link is not None:
        return link.pattern
    if stored.created_at < window_start(params, now):
        return None
    item = Item("b", blocker_id, stored.digest, frozenset({stored.case_id}), stored.created_at)
    scope = (stored.organisation_id, stored.municipality_id)
    return _match(scope, item, bytes(stored.vector), params, now)


@transaction.atomic
def pattern_match_signal(signal_id: int, *, params=None, now=None) -> Pattern | None:
    """The same for a signal; its cases are those of the blockers linked to it."""
    params = params or parameters()
    signal = (
        Signal.objects.filter(pk=signal_id)
        .select_related("created_by__team__neighbourhood")
        .first()
    )
    if signal is None or signal.status == SignalStatus.CLOSED:
        return None
    if signal.pattern_id is not None:
        return signal.pattern
    if signal.created_at < window_start(params, now):
        return None
    cases = frozenset(signal.blockers.values_list("case_id", flat=True))
    digest = signature.digest(signal.rule, signal.effect)
    item = Item("s", signal.pk, digest, cases, signal.created_at)
    vector = signature.of(signal.rule, signal.effect)
    return _match(_signal_scope(signal), item, vector, params, now)


@transaction.atomic
def recompute_patterns(*, params=None, now=None) -> dict[str, int]:
    """Full recompute: forget candidate patterns (not the confirmed and dismissed ones, nor
    candidates a signal was linked to by hand), then match every unassigned blocker and
    signal in the window again in the order they were recorded. Idempotent."""
    params = params or parameters()
    store_signatures()
    keep_hand_linked = Signal.objects.filter(
        status=SignalStatus.LINKED, similarity__isnull=True
    ).values("pattern_id")
    dropped = Pattern.objects.filter(status=PatternStatus.CANDIDATE).exclude(
        pk__in=keep_hand_linked
    )
    Signal.objects.filter(pattern__in=dropped).update(pattern=None, similarity=None)
    Signature.objects.filter(blocker__pattern_link__pattern__in=dropped).update(in_pattern=False)
    PatternBlocker.objects.filter(pattern__in=dropped)._raw_delete(PatternBlocker.objects.db)
    removed = dropped.delete()[1].get(Pattern._meta.label, 0)
    since = window_start(params, now)
    scopes = set(
        Signature.objects.filter(created_at__gte=since)
        .values_list("organisation_id", "municipality_id")
        .distinct()
    )
    for signal in Signal.objects.filter(created_at__gte=since).select_related(
        "created_by__team__neighbourhood"
    ):
        scopes.add(_signal_scope(signal))
    found = 0
    for scope in sorted(scopes, key=lambda s: (s[0], s[1] or 0)):
        found += _replay(scope, since, params)
    Signature.objects.filter(in_pattern=False, blocker__pattern_link__isnull=False).update(
        in_pattern=True
    )
    refresh_all_counts()
    return {"removed": removed, "found": found}


def _neighbours(vectors: list[bytes], threshold: float) -> list[dict[int, float]]:
    """For each distinct text, the distinct texts scoring at or above `threshold` (itself
    included), computed in blocks so memory stays bounded."""
    rows = signature.decode(vectors)
    columns = rows.T.tocsc()
    size = len(vectors)
    result: list[dict[int, float]] = []
    block = max(1, 20_000_000 // max(size, 1))
    for start in range(0, size, block):
        scores = (rows[start : start + block] @ columns).toarray()
        for offset, line in enumerate(scores):
            hits = np.flatnonzero(line >= threshold)
            result.append({int(j): min(1.0, float(line[j])) for j in hits})
            result[-1][start + offset] = 1.0
    return result


def _replay(scope: Scope, since, params) -> int:
    """One scope in memory: the distinct texts' neighbour lists, then the incremental rule
    (grouping.best_pattern, grouping.new_group) for each item in the order recorded, with the
    same outcome as matching the items one by one."""
    Organisation.objects.select_for_update().filter(pk=scope[0]).first()
    patterns = _open_patterns(scope)
    items, vectors = _unassigned(scope, since, exclude=None)
    if not items:
        return 0
    node_of: dict[bytes | int, int] = {}
    node_vectors: list[bytes] = []

    def node(key, vector) -> int:
        if key not in node_of:
            node_of[key] = len(node_vectors)
            node_vectors.append(vector)
        return node_of[key]

    ref_nodes = [node(("ref", p.pk), v) for p, v in zip(patterns, _reference_vectors(patterns))]
    item_nodes = [node(item.digest, vectors[item.digest]) for item in items]
    neighbours = _neighbours(node_vectors, params.threshold)
    # best[n]: (score, pattern) of the best pattern reference for text n; a tie keeps the
    # earlier pattern, as grouping.best_pattern does (lowest id first).
    best: dict[int, tuple[float, Pattern]] = {}

    def add_reference(ref_node: int, pattern: Pattern) -> None:
        for other, score in neighbours[ref_node].items():
            if other not in best or score > best[other][0]:
                best[other] = (score, pattern)

    for ref_node, pattern in zip(ref_nodes, patterns, strict=True):
        add_reference(ref_node, pattern)
    free: dict[int, list[int]] = defaultdict(list)  # text → earlier items in no pattern yet
    links: list[PatternBlocker] = []
    created = 0

    def link(pattern: Pattern, item: Item, score: float) -> None:
        value = Decimal(str(round(score, 4)))
        if item.kind == "b":
            links.append(PatternBlocker(pattern=pattern, blocker_id=item.pk, similarity=value))
        else:
            _link(pattern, item, score)

    for i, item in enumerate(items):
        n = item_nodes[i]
        if n in best:
            score, pattern = best[n]
            link(pattern, item, score)
            continue
        candidates = [(j, neighbours[n][m]) for m in neighbours[n] for j in free.get(m, ())]
        pool_scores = dict(candidates)
        cases = {j: items[j].cases for j, _ in candidates}
        cases[i] = item.cases
        members = grouping.new_group(i, pool_scores, cases, params)
        if members is None:
            free[n].append(i)
            continue
        pattern = _create_pattern(scope, item)
        created += 1
        for j in members:
            link(pattern, items[j], pool_scores.get(j, 1.0))
        for m in neighbours[n]:
            free.pop(m, None)
        add_reference(n, pattern)
    _insert_links(links)
    return created


def _insert_links(links: list[PatternBlocker]) -> None:
    """Many new pattern links at once: COPY on PostgreSQL (a million in seconds)."""
    if connection.vendor != "postgresql" or len(links) < 10_000:
        PatternBlocker.objects.bulk_create(links, batch_size=5000)
        return
    table = PatternBlocker._meta.db_table
    with connection.cursor() as cursor, cursor.copy(
        f"COPY {table} (pattern_id, blocker_id, similarity) FROM STDIN"
    ) as copy:
        for link in links:
            copy.write_row((link.pattern.pk, link.blocker_id, link.similarity))
