"""Reads shared by the pages, the start page, the dashboard and the API. A person sees the
signals of their municipality when their role works or imports signals."""

import datetime
from collections import defaultdict

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404

from doorbraak.accounts.models import OrganisationKind, Team

from . import access, workflow
from .models import SenderKind, Signal, SignalImport
from .services import first_contact_days, municipality_id_of

OPEN = (workflow.RECEIVED, workflow.APPROACHED, workflow.REACHED)
SHORT = 5


def may_see(user) -> bool:
    return user.is_active and (
        access.may_work(user.role, user.is_active) or access.may_import(user.role, user.is_active)
    )


def visible_signals(user) -> QuerySet[Signal]:
    if not may_see(user):
        return Signal.objects.none()
    # The municipality as a subquery: no read of its own (the start page counts its queries).
    if user.team_id is not None:
        return Signal.objects.filter(
            municipality_id__in=Team.objects.filter(pk=user.team_id).values(
                "neighbourhood__municipality_id"
            )
        )
    if user.organisation_id is None:
        return Signal.objects.none()
    return Signal.objects.filter(
        municipality_id=user.organisation_id,
        municipality__kind=OrganisationKind.MUNICIPALITY,
    )


def signal_detail(user, pk) -> Signal:
    try:
        return (
            visible_signals(user)
            .select_related("worker", "case", "first_import")
            .prefetch_related("events__actor")
            .get(pk=pk)
        )
    except (Signal.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def worklist(user, today: datetime.date, status: str = "", overdue_only: bool = False, mine=False):
    """Open signals, the overdue ones first (oldest first), then by date received; `mine`:
    only those `user` follows up (the start page's count)."""
    days = first_contact_days()
    cutoff = workflow.overdue_cutoff(today, days)
    queryset = visible_signals(user).select_related("worker")
    if status in workflow.STATUSES:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.filter(status__in=OPEN)
    if overdue_only:
        queryset = queryset.filter(status=workflow.RECEIVED, received_on__lt=cutoff)
    if mine:
        queryset = queryset.filter(worker=user)
    return queryset.order_by("received_on", "pk")


def overdue_count(user, today: datetime.date) -> int:
    cutoff = workflow.overdue_cutoff(today, first_contact_days())
    return visible_signals(user).filter(status=workflow.RECEIVED, received_on__lt=cutoff).count()


def start_section(user, today: datetime.date) -> dict | None:
    """The start page's part: how many are overdue and the worker's own open signals."""
    if not may_see(user):
        return None
    cutoff = workflow.overdue_cutoff(today, first_contact_days())
    counts = visible_signals(user).aggregate(
        overdue=Count("pk", filter=Q(status=workflow.RECEIVED, received_on__lt=cutoff)),
        waiting=Count("pk", filter=Q(status=workflow.RECEIVED)),
        mine=Count("pk", filter=Q(worker=user, status__in=OPEN)),
    )
    return counts if any(counts.values()) else None


def recent_imports(user) -> list[SignalImport]:
    municipality_id = municipality_id_of(user)
    if municipality_id is None or not access.may_import(user.role, user.is_active):
        return []
    return list(
        SignalImport.objects.filter(municipality_id=municipality_id)
        .select_related("imported_by")
        .order_by("-imported_at", "-pk")[:SHORT]
    )


def funnel(signals: QuerySet[Signal], start=None, end=None) -> dict[str, list]:
    """Per sender kind: [(month, Funnel)] by the month the signal came in. One query."""
    if start is not None:
        signals = signals.filter(received_on__gte=start)
    if end is not None:
        signals = signals.filter(received_on__lte=end)
    rows = (
        signals.annotate(month=TruncMonth("received_on"))
        .values("month", "sender_kind")
        .annotate(
            received=Count("pk"),
            approached=Count("pk", filter=Q(first_attempt_on__isnull=False)),
            reached=Count("pk", filter=Q(reached_on__isnull=False)),
            accepted=Count("pk", filter=Q(accepted_on__isnull=False)),
        )
        .order_by("month", "sender_kind")
    )
    result: dict[str, list] = defaultdict(list)
    for row in rows:
        month = row["month"]
        if isinstance(month, datetime.datetime):
            month = month.date()
        result[row["sender_kind"]].append(
            (
                month,
                workflow.Funnel(
                    row["received"], row["approached"], row["reached"], row["accepted"]
                ),
            )
        )
    return {kind: result[kind] for kind in SenderKind.values if kind in result}


def totals(by_kind: dict[str, list]) -> workflow.Funnel:
    total = workflow.Funnel()
    for months in by_kind.values():
        for _month, f in months:
            total = total + f
    return total
