"""Reads shared by the escalation pages, the case page, the start page and the API.

`visibility_filter` is the one place that decides who sees an escalation: for now whoever
may see its case (cases/queries.py). Later parts add table members (the items on their
table's agenda) and regievoerders (LET submissions) as further branches here.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from doorbraak.cases.queries import visible_cases
from doorbraak.compiled_reads import CompiledRead
from doorbraak.costbenefit.queries import municipality_id

from . import rules
from .models import Escalation, EscalationRoute, FollowUpAction, RouteVersion, Status

SHORT = 5


def visibility_filter(user) -> Q:
    return Q(case_id__in=visible_cases(user).values("pk"))


def visible_escalations(user) -> QuerySet[Escalation]:
    return Escalation.objects.filter(visibility_filter(user))


def _with_relations(queryset):
    return queryset.select_related(
        "case__household",
        "request",
        "blocker__organisation",
        "route_version",
        "created_by",
        "decided_by",
        "fund",
        "exception_organisation",
    )


def escalation_list(user) -> QuerySet[Escalation]:
    return _with_relations(visible_escalations(user)).order_by("-created_at", "-pk")


def escalation_detail(user, pk) -> Escalation:
    try:
        escalation = _with_relations(visible_escalations(user)).get(pk=pk)
    except (Escalation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    escalation.chain = list(item_escalations(escalation).select_related("created_by", "decided_by"))
    escalation.action_list = list(
        escalation.actions.select_related("owner").order_by("done_at", "due_date", "pk")
    )
    return escalation


def item_escalations(escalation: Escalation) -> QuerySet[Escalation]:
    """Every level the escalation's item went through, lowest first."""
    if escalation.request_id:
        item = Q(request_id=escalation.request_id)
    else:
        item = Q(blocker_id=escalation.blocker_id)
    return Escalation.objects.filter(item).order_by("level", "pk")


def route_for(municipality: int | None) -> RouteVersion:
    """The route version in force for a municipality: its own route, else the default."""
    routes = EscalationRoute.objects.filter(
        Q(municipality_id=municipality) | Q(municipality__isnull=True)
    ).order_by("municipality_id")  # NULL sorts last on PostgreSQL and first on SQLite
    chosen = None
    for route in routes:
        if route.municipality_id is not None or chosen is None:
            chosen = route
    if chosen is None:
        raise RouteVersion.DoesNotExist("no escalation route")
    return RouteVersion.objects.get(route_id=chosen.pk, version=chosen.version)


def route_for_case(case) -> RouteVersion:
    return route_for(municipality_id(case.team))


def open_escalation(*, request_id=None, blocker_id=None) -> Escalation | None:
    item = Q(request_id=request_id) if request_id else Q(blocker_id=blocker_id)
    return Escalation.objects.filter(item, status=Status.OPEN).first()


def last_escalation(*, request_id=None, blocker_id=None) -> Escalation | None:
    item = Q(request_id=request_id) if request_id else Q(blocker_id=blocker_id)
    return Escalation.objects.filter(item).order_by("-level", "-pk").first()


# --- Where each item stands on the route (the case page) --------------------------------


@dataclass(frozen=True)
class Step:
    position: int
    name: str
    state: str  # "passed", "skipped", "current", "done" (decided here) or "ahead"


@dataclass(frozen=True)
class ItemOnRoute:
    escalation: Escalation  # the item's latest escalation
    label: str
    steps: tuple[Step, ...]


def route_steps(route: rules.Route, chain: list[Escalation]) -> tuple[Step, ...]:
    """Each level of the route with the item's state there, from its escalations."""
    reached = {e.level: e for e in chain}
    latest = chain[-1]
    steps = []
    for level in route.levels:
        if level.position == latest.level:
            state = "current" if latest.is_open else "done"
        elif level.position > latest.level:
            state = "ahead"
        elif level.position in reached or level.position == 1:
            state = "passed"
        else:
            state = "skipped"
        steps.append(Step(level.position, level.name, state))
    return tuple(steps)


_CASE_ESCALATIONS = CompiledRead(
    lambda p: (
        Escalation.objects.filter(case_id=p.int("case"))
        .select_related("route_version", "request", "blocker__organisation")
        .order_by("level", "pk")
    )
)


def case_route_items(case) -> list[ItemOnRoute]:
    """Every escalated item of the case with its steps on the route: one query, compiled
    once (the case page shows it; doorbraak/compiled_reads.py)."""
    rows = _CASE_ESCALATIONS.all(case=case.pk)
    chains: dict[tuple, list[Escalation]] = {}
    for row in rows:
        key = ("r", row.request_id) if row.request_id else ("b", row.blocker_id)
        chains.setdefault(key, []).append(row)
    items = []
    for chain in chains.values():
        latest = chain[-1]
        route = latest.route_version.as_route()
        label = latest.request.reference if latest.request_id else str(latest.blocker.organisation)
        items.append(ItemOnRoute(latest, label, route_steps(route, chain)))
    items.sort(key=lambda item: (-item.escalation.created_at.timestamp(), -item.escalation.pk))
    return items


# --- Work for a person -----------------------------------------------------------------


def waiting_for_decision(user) -> QuerySet[Escalation]:
    """Open escalations the person may decide: their role decides the level, and they see
    the case."""
    if not user.role:
        return Escalation.objects.none()
    return (
        visible_escalations(user)
        .filter(status=Status.OPEN, decider_roles__contains=f",{user.role},")
        .select_related("case", "request", "blocker__organisation", "route_version")
        .order_by("due_date", "pk")
    )


def open_actions(user) -> QuerySet[FollowUpAction]:
    return (
        FollowUpAction.objects.filter(owner_id=user.pk, done_at__isnull=True)
        .select_related("case", "escalation__let_submission", "mandate_use")
        .order_by("due_date", "pk")
    )


def done_actions(user, limit: int = 10) -> list[FollowUpAction]:
    return list(
        FollowUpAction.objects.filter(owner_id=user.pk, done_at__isnull=False)
        .select_related("case", "escalation")
        .order_by("-done_at", "-pk")[:limit]
    )


def is_overdue(action: FollowUpAction, today: datetime.date | None = None) -> bool:
    return action.done_at is None and action.due_date < (today or timezone.localdate())


def action_counts(user, today: datetime.date) -> tuple[int, int]:
    """(open, overdue) actions of a person, in one query."""
    counts = FollowUpAction.objects.filter(owner_id=user.pk, done_at__isnull=True).aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today))
    )
    return counts["open"], counts["overdue"]
