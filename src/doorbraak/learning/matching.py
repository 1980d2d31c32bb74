"""Finding patterns: every write that groups blockers and signals into patterns.

`pattern_match_blocker(blocker_id)` runs for every new blocker and `pattern_match_signal(
signal_id)` for every new signal (sent explicitly by cases.services.blocker_add and
learning.services.signal_record through learning/tasks.py: in a worker after commit when a
broker is configured, at once otherwise); `recompute_patterns()` (recompute.py, management
command `recompute_patterns`) replays all unassigned items. The rules are in grouping.py
(pure), the text vectors in signature.py (pure), their storage in signature_store.py.

Scope: items are compared only within one organisation *and one municipality* (the
municipality of the case's team's wijk; for a signal that of its writer's team): a pattern
groups across the teams of a municipality, never across municipalities.

Speed: each blocker's signature (learning.models.Signature with its organisation,
municipality, case, team and date; its text vector in SignatureVector) is stored the first
time it is matched, so matching one new blocker reads its scope's candidates with one indexed
query (vectors only once per distinct text) and does one sparse product; nothing is fitted
per call. Matching locks the organisation's row, so two blockers of one organisation are
matched one after the other and never put into two patterns at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.accounts.models import Organisation
from doorbraak.cases.models import Blocker
from doorbraak.ui import formatting

from . import grouping, signature, workflow
from .models import Pattern, PatternBlocker, Signal, SignalStatus, Signature
from .signature_store import ensure_signature, stored_vectors, vectors_of


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
_SCOPE_FIELDS = ("pk", "case_id", "team_id", "digest", "created_at")


@dataclass(slots=True)
class Item:
    kind: str  # "b" blocker, "s" signal
    pk: int
    digest: int  # names the text: equal digests, equal vectors
    cases: frozenset = field(default_factory=frozenset)
    #: a datetime; in the full recompute microseconds since 1970 (they only order items)
    created_at: datetime.datetime | int | None = None
    team: int | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.pk)


def _municipality_filter(scope: Scope, path: str) -> dict:
    municipality = scope[1]
    if municipality is None:
        return {f"{path}__isnull": True}
    return {path: municipality}


def signal_scope(signal: Signal) -> Scope:
    team = signal.created_by.team if signal.created_by_id else None
    neighbourhood = team.neighbourhood if team is not None else None
    return (signal.organisation_id, neighbourhood.municipality_id if neighbourhood else None)


def signal_cases(signal_ids) -> dict[int, set[int]]:
    cases: dict[int, set[int]] = {pk: set() for pk in signal_ids}
    links = Signal.blockers.through.objects.filter(signal_id__in=list(signal_ids))
    for signal_id, case_id in links.values_list("signal_id", "blocker__case_id"):
        cases[signal_id].add(case_id)
    return cases


def _unassigned(
    scope: Scope, since, exclude: tuple[str, int] | None
) -> tuple[list[Item], dict[int, bytes]]:
    """Blockers and signals of the scope in the window that are in no pattern, oldest
    first, and the vector of each distinct text among them (by digest): the in_pattern flag
    under a partial index."""
    organisation_id = scope[0]
    blockers = Signature.objects.filter(
        organisation_id=organisation_id,
        created_at__gte=since,
        in_pattern=False,
        # The blocker's own date too: the demo and tests move dates after matching.
        blocker__created_at__gte=since,
        **_municipality_filter(scope, "municipality_id"),
    )
    items, first_of = [], {}
    rows = blockers.order_by("created_at", "pk").values_list(*_SCOPE_FIELDS)
    for pk, case_id, team_id, digest, created in rows:
        items.append(Item("b", pk, digest, frozenset({case_id}), created, team_id))
        first_of.setdefault(digest, pk)
    vectors = vectors_of(first_of)
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
    cases = signal_cases(pk for pk, *_ in signals)
    for pk, rule, effect, created in signals:
        digest = signature.digest(rule, effect)
        vectors.setdefault(digest, signature.of(rule, effect))
        items.append(Item("s", pk, digest, frozenset(cases[pk]), created))
    if signals:  # the blockers alone come sorted by (created_at, pk) already
        items.sort(key=lambda item: (item.created_at, item.kind, item.pk))
    if exclude is None:
        return items, vectors
    return [item for item in items if item.key != exclude], vectors


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
    stored = stored_vectors([p.reference_blocker_id for p in patterns if p.reference_blocker_id])
    result = []
    for pattern in patterns:
        if pattern.reference_blocker_id:
            text = stored.get(pattern.reference_blocker_id)
            vector = text[1] if text else ensure_signature(pattern.reference_blocker_id).vector
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


@dataclass
class ReferenceTexts:
    """Anonymised pattern texts reused within one recompute: those of the dropped candidates
    by reference blocker (a recompute mostly finds the same patterns again), and per
    (rule, effect) when none of the household's names occur in it (the anonymiser's result
    then does not depend on the household). Anonymising takes 10-20 ms a text."""

    previous: dict[int, tuple[str, str]] = field(default_factory=dict)
    by_text: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)


def _names_occur(names: list[str], texts: tuple[str, str]) -> bool:
    lowered = " ".join(texts).lower()
    return any(part.lower() in lowered for name in names for part in name.split() if len(part) > 2)


def anonymised_reference(blocker: Blocker, cache: ReferenceTexts | None) -> tuple[str, str]:
    from doorbraak.proposals.anonymised import anonymise_blockers, household_names

    if cache is not None and blocker.pk in cache.previous:
        return cache.previous[blocker.pk]
    key = (blocker.rule, blocker.effect)
    reusable = cache is not None and not _names_occur(household_names(blocker.case), key)
    if reusable and key in cache.by_text:
        return cache.by_text[key]
    texts = anonymise_blockers([blocker], case=blocker.case)[0]
    result = (texts["rule"], texts["effect"])
    if reusable:
        cache.by_text[key] = result
    return result


def _create_pattern(scope: Scope, reference: Item, cache: ReferenceTexts | None = None) -> Pattern:
    """A candidate with `reference` as its rule; the texts shown are anonymised."""
    organisation_id, municipality_id = scope
    if reference.kind == "b":
        blocker = (
            Blocker.objects.select_related("organisation", "case__household")
            .prefetch_related("case__household__members")
            .get(pk=reference.pk)
        )
        rule, effect = anonymised_reference(blocker, cache)
        ref = {"reference_blocker": blocker}
        organisation = blocker.organisation
    else:
        signal = Signal.objects.select_related("organisation").get(pk=reference.pk)
        rule, effect, ref = signal.rule, signal.effect, {"reference_signal": signal}
        organisation = signal.organisation  # a signal is stored anonymised already
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
    """Distinct cases and teams of the pattern's blockers and its signals' blockers (two
    indexed reads: an OR over both joins would scan every blocker)."""
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


def _match(scope: Scope, item: Item, vector: bytes, params, now) -> Pattern | None:
    Organisation.objects.select_for_update().filter(pk=scope[0]).first()
    # First the open patterns (few): an item that joins one needs no pool.
    patterns = _open_patterns(scope)
    ref_scores = signature.scores(vector, _reference_vectors(patterns))
    pattern_scores = {p.pk: float(s) for p, s in zip(patterns, ref_scores, strict=True)}
    chosen = grouping.best_pattern(pattern_scores, params.threshold)
    if chosen is not None:
        pattern = next(p for p in patterns if p.pk == chosen)
        _link(pattern, item, pattern_scores[chosen])
        refresh_counts(pattern)
        return pattern
    pool, vectors = _unassigned(scope, window_start(params, now), exclude=item.key)
    distinct = list(vectors)
    by_text = dict(
        zip(distinct, signature.scores(vector, [vectors[d] for d in distinct]), strict=True)
    )
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
    if stored.in_pattern:
        link = PatternBlocker.objects.filter(blocker_id=blocker_id).select_related("pattern")
        link = link.first()
        if link is not None:
            return link.pattern
        Signature.objects.filter(pk=blocker_id).update(in_pattern=False)
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
    return _match(signal_scope(signal), item, vector, params, now)


def recompute_patterns(*, params=None, now=None) -> dict[str, int]:
    """The full recompute (learning/recompute.py), named here too as before."""
    from .recompute import recompute_patterns as recompute

    return recompute(params=params, now=now)


_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def micros(moment: datetime.datetime) -> int:
    """A moment as whole microseconds since 1970 (exact): the recompute orders items by it."""
    return (moment - _EPOCH) // datetime.timedelta(microseconds=1)
