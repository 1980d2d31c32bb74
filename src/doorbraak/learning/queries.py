"""Reads on signals, patterns and the rule catalogue, shared by the pages and the API.

Patterns are seen by the roles of home.menu.may_see_patterns; what they see of the items is
anonymised (never a household's name) and counted (cases, teams, money, months)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Prefetch, QuerySet, Sum
from django.http import Http404

from doorbraak.cases.models import Blocker
from doorbraak.home import menu
from doorbraak.proposals.models import Request, RequestStatus

from . import grouping, workflow
from .models import Pattern, PatternBlocker, Rule, Signal, SignalStatus


def person_of(user) -> menu.Person:
    return menu.Person(
        role=user.role,
        has_team=user.team_id is not None,
        is_staff=user.is_staff,
        is_active=user.is_active,
    )


#: Items listed on a pattern page; the counts always cover all of them.
ITEMS_SHOWN = 50


def active_rules() -> QuerySet[Rule]:
    return Rule.objects.filter(active=True).select_related("organisation")


def visible_signals(user) -> QuerySet[Signal]:
    """A beleidsadviseur sees every signal; anyone else the signals they recorded."""
    signals = Signal.objects.select_related("organisation", "pattern")
    person = person_of(user)
    if menu.may_triage_signals(person):
        return signals
    if menu.may_record_signal(person):
        return signals.filter(created_by_id=user.pk)
    return signals.none()


def signal_or_404(user, pk) -> Signal:
    signal = visible_signals(user).prefetch_related("blockers").filter(pk=pk).first()
    if signal is None:
        raise Http404
    return signal


def new_signals(limit: int) -> list[Signal]:
    return list(
        Signal.objects.filter(status=SignalStatus.NEW)
        .select_related("organisation")
        .order_by("-created_at", "-id")[:limit]
    )


def visible_patterns(user) -> QuerySet[Pattern]:
    if not menu.may_see_patterns(person_of(user)):
        return Pattern.objects.none()
    return Pattern.objects.select_related("organisation").prefetch_related(
        Prefetch("blocker_links", queryset=PatternBlocker.objects.order_by("blocker_id"))
    )


def candidate_patterns(limit: int) -> list[Pattern]:
    return list(
        Pattern.objects.filter(status=workflow.CANDIDATE)
        .select_related("organisation")
        .order_by("-cases_count", "-found_at")[:limit]
    )


def open_patterns_for(organisation_id) -> QuerySet[Pattern]:
    return Pattern.objects.filter(
        organisation_id=organisation_id, status__in=workflow.OPEN_PATTERNS
    ).order_by("-found_at")


@dataclass
class PatternItem:
    kind: str  # "knelpunt" or "signaal"
    reference: str
    rule: str
    effect: str
    similarity: Decimal | None
    month: str


@dataclass
class PatternPage:
    pattern: Pattern
    items: list[PatternItem] = field(default_factory=list)
    items_total: int = 0
    spent: Decimal = Decimal("0.00")
    requests_count: int = 0
    months: list[tuple[str, int]] = field(default_factory=list)


def spending(pattern: Pattern) -> tuple[Decimal, int]:
    """Money approved or paid from funds on requests linked to the pattern's blockers."""
    linked = Request.objects.filter(blockers__pattern_link__pattern=pattern).values("pk")
    totals = Request.objects.filter(
        pk__in=linked,
        fund__isnull=False,
        status__in=[RequestStatus.APPROVED, RequestStatus.PAID],
    ).aggregate(total=Sum(F("amount") * F("months")), n=Sum(1))
    return (totals["total"] or Decimal("0.00")), (totals["n"] or 0)


def pattern_page(user, pk) -> PatternPage:
    """The pattern with its items anonymised; a fixed number of queries however many items."""
    from doorbraak.proposals.anonymised import anonymise_blockers

    pattern = visible_patterns(user).filter(pk=pk).first()
    if pattern is None:
        raise Http404
    page = PatternPage(pattern=pattern)
    blockers = (
        Blocker.objects.filter(pattern_link__pattern=pattern)
        .select_related("organisation", "case__household", "pattern_link")
        .prefetch_related("case__household__members")
        .order_by("created_at", "pk")
    )
    shown = list(blockers[:ITEMS_SHOWN])
    page.items_total = blockers.count()
    for blocker in shown:
        texts = anonymise_blockers([blocker], case=blocker.case)[0]
        page.items.append(
            PatternItem(
                kind="knelpunt",
                reference=f"K-{blocker.pk:05d}",
                rule=texts["rule"],
                effect=texts["effect"],
                similarity=blocker.pattern_link.similarity,
                month=f"{blocker.created_at:%Y-%m}",
            )
        )
    signals = list(pattern.signals.order_by("created_at", "pk"))
    page.items_total += len(signals)
    page.items += [
        PatternItem("signaal", s.reference, s.rule, s.effect, s.similarity, f"{s.created_at:%Y-%m}")
        for s in signals
    ]
    page.spent, page.requests_count = spending(pattern)
    dated = list(blockers.values_list("created_at", "case_id"))
    dated += list(
        Blocker.objects.filter(signals__pattern=pattern).values_list("created_at", "case_id")
    )
    page.months = grouping.cases_per_month((when.date(), case) for when, case in dated)
    return page
