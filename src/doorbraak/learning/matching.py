"""Finding patterns: every write that groups blockers and signals into patterns.

`pattern_match_blocker(blocker_id)` runs for every new blocker and `pattern_match_signal(
signal_id)` for every new signal (sent explicitly by cases.services.blocker_add and
learning.services.signal_record through learning/tasks.py: in a worker after commit when a
broker is configured, at once otherwise); `recompute_patterns()` replays all unassigned
items (management command `recompute_patterns`). The rules are in grouping.py (pure), the
text similarity in similarity.py. Matching locks the organisation's row, so two blockers of
one organisation are matched one after the other and never put into two patterns at once.
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

from . import grouping, similarity, workflow
from .models import Pattern, PatternBlocker, PatternStatus, Signal, SignalStatus


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


@dataclass
class Item:
    kind: str  # "b" blocker, "s" signal
    pk: int
    text: str
    cases: frozenset = field(default_factory=frozenset)
    created_at: datetime.datetime | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.pk)


def _blocker_item(pk, case_id, rule, effect, created_at=None) -> Item:
    return Item("b", pk, similarity.item_text(rule, effect), frozenset({case_id}), created_at)


def _signal_cases(signal_ids) -> dict[int, set[int]]:
    cases: dict[int, set[int]] = {pk: set() for pk in signal_ids}
    links = Signal.blockers.through.objects.filter(signal_id__in=list(signal_ids))
    for signal_id, case_id in links.values_list("signal_id", "blocker__case_id"):
        cases[signal_id].add(case_id)
    return cases


def _unassigned(organisation_id: int, since, exclude: tuple[str, int] | None) -> list[Item]:
    """Blockers and signals of the organisation in the window that are in no pattern."""
    blockers = Blocker.objects.filter(
        organisation_id=organisation_id, created_at__gte=since, pattern_link__isnull=True
    ).order_by("created_at", "pk")
    items = [
        _blocker_item(pk, case_id, rule, effect, created)
        for pk, case_id, rule, effect, created in blockers.values_list(
            "pk", "case_id", "rule", "effect", "created_at"
        )
    ]
    signals = list(
        Signal.objects.filter(
            organisation_id=organisation_id, created_at__gte=since, pattern__isnull=True
        )
        .exclude(status=SignalStatus.CLOSED)
        .values_list("pk", "rule", "effect", "created_at")
    )
    cases = _signal_cases(pk for pk, *_ in signals)
    items += [
        Item("s", pk, similarity.item_text(rule, effect), frozenset(cases[pk]), created)
        for pk, rule, effect, created in signals
    ]
    items.sort(key=lambda item: (item.created_at, item.kind, item.pk))
    return [item for item in items if item.key != exclude]


def _open_patterns(organisation_id: int) -> list[Pattern]:
    return list(
        Pattern.objects.filter(
            organisation_id=organisation_id, status__in=workflow.OPEN_PATTERNS
        ).select_related("reference_blocker", "reference_signal")
    )


def _reference_text(pattern: Pattern) -> str:
    ref = pattern.reference_blocker or pattern.reference_signal
    return similarity.item_text(ref.rule, ref.effect)


def _link(pattern: Pattern, item: Item, score: float) -> None:
    value = Decimal(str(round(score, 4)))
    if item.kind == "b":
        PatternBlocker.objects.create(pattern=pattern, blocker_id=item.pk, similarity=value)
    else:
        Signal.objects.filter(pk=item.pk, pattern__isnull=True).update(
            pattern=pattern, similarity=value
        )


def _create_pattern(organisation_id: int, reference: Item) -> Pattern:
    """A candidate with `reference` as its rule; the texts shown are anonymised."""
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
        organisation_id=organisation_id, summary=summary, rule=rule, effect=effect, **ref
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


def _match(organisation_id: int, item: Item, params, now) -> Pattern | None:
    Organisation.objects.select_for_update().filter(pk=organisation_id).first()
    patterns = _open_patterns(organisation_id)
    pool = _unassigned(organisation_id, window_start(params, now), exclude=item.key)
    scores = similarity.similarities(
        item.text, [_reference_text(p) for p in patterns] + [other.text for other in pool]
    )
    pattern_scores = {p.pk: s for p, s in zip(patterns, scores, strict=False)}
    chosen = grouping.best_pattern(pattern_scores, params.threshold)
    if chosen is not None:
        pattern = next(p for p in patterns if p.pk == chosen)
        _link(pattern, item, pattern_scores[chosen])
        refresh_counts(pattern)
        return pattern
    pool_scores = dict(enumerate(scores[len(patterns) :]))
    cases = {i: other.cases for i, other in enumerate(pool)}
    cases[-1] = item.cases
    members = grouping.new_group(-1, pool_scores, cases, params)
    if members is None:
        return None
    pattern = _create_pattern(organisation_id, item)
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
    blocker = Blocker.objects.filter(pk=blocker_id).values_list(
        "pk", "case_id", "rule", "effect", "created_at", "organisation_id"
    )
    row = blocker.first()
    if row is None:
        return None
    pk, case_id, rule, effect, created_at, organisation_id = row
    link = PatternBlocker.objects.filter(blocker_id=pk).select_related("pattern").first()
    if link is not None:
        return link.pattern
    if created_at < window_start(params, now):
        return None
    return _match(
        organisation_id, _blocker_item(pk, case_id, rule, effect, created_at), params, now
    )


@transaction.atomic
def pattern_match_signal(signal_id: int, *, params=None, now=None) -> Pattern | None:
    """The same for a signal; its cases are those of the blockers linked to it."""
    params = params or parameters()
    signal = Signal.objects.filter(pk=signal_id).first()
    if signal is None or signal.status == SignalStatus.CLOSED:
        return None
    if signal.pattern_id is not None:
        return signal.pattern
    if signal.created_at < window_start(params, now):
        return None
    cases = frozenset(signal.blockers.values_list("case_id", flat=True))
    item = Item("s", signal.pk, similarity.item_text(signal.rule, signal.effect), cases)
    return _match(signal.organisation_id, item, params, now)


@transaction.atomic
def recompute_patterns(*, params=None, now=None) -> dict[str, int]:
    """Full recompute: forget candidate patterns (not the confirmed and dismissed ones, nor
    candidates a signal was linked to by hand), then match every unassigned blocker and
    signal in the window again in the order they were recorded. Idempotent."""
    params = params or parameters()
    keep_hand_linked = Signal.objects.filter(
        status=SignalStatus.LINKED, similarity__isnull=True
    ).values("pattern_id")
    dropped = Pattern.objects.filter(status=PatternStatus.CANDIDATE).exclude(
        pk__in=keep_hand_linked
    )
    Signal.objects.filter(pattern__in=dropped).update(pattern=None, similarity=None)
    PatternBlocker.objects.filter(pattern__in=dropped).delete()
    removed = dropped.delete()[1].get(Pattern._meta.label, 0)
    since = window_start(params, now)
    organisations = sorted(
        set(Blocker.objects.filter(created_at__gte=since).values_list("organisation_id", flat=True))
        | set(
            Signal.objects.filter(created_at__gte=since).values_list("organisation_id", flat=True)
        )
    )
    found = 0
    for organisation_id in organisations:
        found += _replay(organisation_id, since, params)
    for pattern in Pattern.objects.filter(status__in=workflow.OPEN_PATTERNS):
        refresh_counts(pattern)
    return {"removed": removed, "found": found}


def _replay(organisation_id: int, since, params) -> int:
    """One organisation in memory: one text model over its items, then the incremental rule
    (grouping.best_pattern, grouping.new_group) for each item in the order recorded."""
    Organisation.objects.select_for_update().filter(pk=organisation_id).first()
    patterns = _open_patterns(organisation_id)
    items = _unassigned(organisation_id, since, exclude=None)
    if not items:
        return 0
    rows = similarity.vectors([_reference_text(p) for p in patterns] + [i.text for i in items])
    refs: list[tuple[int, Pattern | None]] = [(n, p) for n, p in enumerate(patterns)]
    offset = len(patterns)
    free: list[int] = []  # earlier items in no pattern yet
    created = 0
    for i, item in enumerate(items):
        vector = rows[offset + i].T
        ref_scores = (rows[[r for r, _ in refs]] @ vector).toarray().ravel() if refs else []
        chosen = grouping.best_pattern(dict(enumerate(map(float, ref_scores))), params.threshold)
        if chosen is not None:
            _link(refs[chosen][1], item, float(ref_scores[chosen]))
            continue
        scores = (rows[[offset + j for j in free]] @ vector).toarray().ravel() if free else []
        pool_scores = {j: float(s) for j, s in zip(free, scores, strict=True)}
        cases = {j: items[j].cases for j in [*free, i]}
        members = grouping.new_group(i, pool_scores, cases, params)
        if members is None:
            free.append(i)
            continue
        pattern = _create_pattern(organisation_id, item)
        created += 1
        refs.append((offset + i, pattern))
        for j in members:
            _link(pattern, items[j], pool_scores.get(j, 1.0))
        taken = set(members)
        free = [j for j in free if j not in taken]
    return created
