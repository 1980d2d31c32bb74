"""Reads on werktafels and structural solutions, shared by the pages, the start page and the
API; each a fixed number of queries however many sessions, outcomes or cases.

Who sees them: permissions.may_see_worktables (the pattern roles). What they see of the
cases is what a pattern page shows: references and anonymised texts, never a household."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from doorbraak.cases.models import Blocker

from . import permissions, rules
from .models import Participant, SolutionCase, StructuralSolution, WorkTable
from .permissions import person_of

SHORT = 5
#: Linked cases listed on a solution page; the count covers all of them.
CASES_SHOWN = 50


def visible_worktables(user) -> QuerySet[WorkTable]:
    if not permissions.may_see_worktables(person_of(user)):
        return WorkTable.objects.none()
    return WorkTable.objects.select_related("pattern__organisation", "created_by")


def visible_solutions(user) -> QuerySet[StructuralSolution]:
    if not permissions.may_see_worktables(person_of(user)):
        return StructuralSolution.objects.none()
    return StructuralSolution.objects.select_related("pattern__organisation", "worktable", "owner")


def worktable_list(user, *, status: str = "", pattern_id: int | None = None):
    rows = visible_worktables(user).annotate(
        held=Count("sessions", filter=Q(sessions__held=True), distinct=True),
        planned=Count("sessions", distinct=True),
    )
    if status in (rules.RUNNING, rules.FINISHED):
        rows = rows.filter(status=status)
    if pattern_id is not None:
        rows = rows.filter(pattern_id=pattern_id)
    return rows.order_by("-created_at", "-pk")


def solution_list(user, *, status: str = "", pattern_id: int | None = None):
    rows = visible_solutions(user)
    if status in rules.STATUSES:
        rows = rows.filter(status=status)
    if pattern_id is not None:
        rows = rows.filter(pattern_id=pattern_id)
    return rows.order_by("-created_at", "-pk")


def worktable_detail(user, pk) -> WorkTable:
    """The werktafel with its participants, sessions, outcomes and solutions (five queries)."""
    worktable = (
        visible_worktables(user)
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("organisation").order_by("pk"),
            ),
            "sessions",
            "outcomes",
            Prefetch(
                "solutions",
                queryset=StructuralSolution.objects.select_related("owner").order_by("pk"),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if worktable is None:
        raise Http404
    return worktable


def session_or_404(user, pk):
    from .models import Session

    session = (
        Session.objects.select_related("worktable__pattern__organisation")
        .filter(pk=pk, worktable__in=visible_worktables(user).values("pk"))
        .first()
    )
    if session is None:
        raise Http404
    return session


@dataclass
class LinkedCase:
    reference: str
    month: str
    organisation: str
    rule: str


@dataclass
class SolutionPage:
    solution: StructuralSolution
    cases: list[LinkedCase] = field(default_factory=list)
    cases_total: int = 0
    figures: rules.BeforeAfter | None = None


def solution_or_404(user, pk) -> StructuralSolution:
    solution = visible_solutions(user).select_related("sent_by").filter(pk=pk).first()
    if solution is None:
        raise Http404
    return solution


def pattern_items(pattern_id: int) -> list[tuple[datetime.date, int]]:
    """(day, case) of every item of the pattern: its blockers and its signals' blockers."""
    from django.utils import timezone

    rows = Blocker.objects.filter(
        Q(pattern_link__pattern_id=pattern_id) | Q(signals__pattern_id=pattern_id)
    ).values_list("created_at", "case_id")
    return [(timezone.localtime(when).date(), case) for when, case in rows.distinct()]


def figures_for(solution: StructuralSolution, today: datetime.date) -> rules.BeforeAfter | None:
    if solution.implemented_on is None:
        return None
    return rules.before_after(pattern_items(solution.pattern_id), solution.implemented_on, today)


def solution_page(user, pk, today: datetime.date) -> SolutionPage:
    """The solution, its linked cases anonymised (the first CASES_SHOWN) and, once it is
    implemented, the pattern's new cases per month before and after."""
    from doorbraak.proposals.anonymised import anonymise_blockers

    solution = solution_or_404(user, pk)
    page = SolutionPage(solution=solution)
    links = SolutionCase.objects.filter(solution=solution)
    page.cases_total = links.count()
    shown = list(
        links.select_related("case", "blocker__organisation", "blocker__case__household")
        .prefetch_related("blocker__case__household__members")
        .order_by("case_id")[:CASES_SHOWN]
    )
    for link in shown:
        texts = anonymise_blockers([link.blocker], case=link.blocker.case)[0]
        page.cases.append(
            LinkedCase(
                reference=link.case.reference,
                month=f"{link.blocker.created_at:%Y-%m}",
                organisation=texts["organisation"],
                rule=texts["rule"],
            )
        )
    page.figures = figures_for(solution, today)
    return page


# --- start page --------------------------------------------------------------------------------


@dataclass
class StartSection:
    worktables: list = field(default_factory=list)
    solutions: list = field(default_factory=list)
    signals_sent: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.worktables or self.solutions or self.signals_sent)


def start_section(user) -> StartSection:
    """The beleidsadviseur's running werktafels and solutions waiting for their next step; the
    regievoerder's national policy signals sent on to the Maatwerkloket."""
    person = person_of(user)
    section = StartSection()
    if permissions.may_manage_worktables(person):
        section.worktables = list(
            WorkTable.objects.filter(status=rules.RUNNING)
            .select_related("pattern__organisation")
            .annotate(held=Count("sessions", filter=Q(sessions__held=True)))
            .order_by("created_at", "pk")[:SHORT]
        )
        section.solutions = list(
            StructuralSolution.objects.filter(status__in=rules.OPEN)
            .select_related("pattern__organisation")
            .order_by("created_at", "pk")[:SHORT]
        )
    if permissions.receives_national_signals(person):
        section.signals_sent = list(
            StructuralSolution.objects.filter(sent_on__isnull=False)
            .select_related("pattern__organisation")
            .order_by("-sent_on", "-pk")[:SHORT]
        )
    return section
