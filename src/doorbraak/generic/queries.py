"""Reads on generic decisions and their outreach lists, shared by the pages and the API.

`matching_blockers` is criteria.py in SQL: blockers of the organisation, recorded within the
period (days in the configured time zone, Europe/Amsterdam), whose rule contains the
decision's rule, case-insensitive. `visible_rows` is access.py's rule for the outreach list as
one SQL filter; `visible_decisions` the decisions a person may open."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case as DbCase
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, When
from django.http import Http404
from django.utils import timezone

from doorbraak.accounts.roles import CASEWORKER_ROLES, Role
from doorbraak.cases.models import Blocker, Case
from doorbraak.cases.queries import visibility_filter
from doorbraak.home.menu import Person

from . import access, criteria, outreach
from .models import GenericDecision, OutreachAttempt, OutreachRow


def person_of(user) -> Person:
    return Person(
        role=user.role,
        has_team=user.team_id is not None,
        is_staff=user.is_staff,
        is_active=user.is_active,
    )


def day_bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, ...]:
    zone = timezone.get_current_timezone()
    low = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    high = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min)
    return low, high.replace(tzinfo=zone)


def matching_blockers(
    *, organisation_id: int, rule: str, start: datetime.date, end: datetime.date
) -> QuerySet[Blocker]:
    low, high = day_bounds(start, end)
    return Blocker.objects.filter(
        organisation_id=organisation_id,
        created_at__gte=low,
        created_at__lt=high,
        rule__icontains=criteria.normalise(rule),
    )


def affected_case_ids(*, organisation_id, rule, start, end) -> list[int]:
    """The distinct cases the criteria select, in case order (one query)."""
    blockers = matching_blockers(organisation_id=organisation_id, rule=rule, start=start, end=end)
    return list(blockers.order_by("case_id").values_list("case_id", flat=True).distinct())


def affected_count(*, organisation_id, rule, start, end) -> int:
    blockers = matching_blockers(organisation_id=organisation_id, rule=rule, start=start, end=end)
    return blockers.order_by().values("case_id").distinct().count()


def _visible_cases_subquery(user) -> QuerySet[Case]:
    return Case.objects.filter(visibility_filter(user)).values("pk")


def _is_belteam_of(user, organisation_id) -> bool:
    return user.role == Role.TAFELLID and user.organisation_id == organisation_id


def visible_decisions(user) -> QuerySet[GenericDecision]:
    """The adviser sees every decision; the deciding organisation's contact person its own;
    a professional those with a household on the list they may see."""
    person = person_of(user)
    decisions = GenericDecision.objects.select_related("organisation")
    if access.may_create_generic(person):
        return decisions
    if not access.may_work_outreach(person):
        return decisions.none()
    if user.role == Role.TAFELLID:
        return decisions.filter(organisation_id=user.organisation_id)
    if user.role in CASEWORKER_ROLES:
        rows = OutreachRow.objects.filter(
            decision_id=OuterRef("pk"), case_id__in=_visible_cases_subquery(user)
        )
        return decisions.filter(Exists(rows))
    return decisions.none()


def decision_or_404(user, pk) -> GenericDecision:
    decision = (
        visible_decisions(user)
        .select_related("catalogue_rule", "pattern", "created_by")
        .filter(pk=pk)
        .first()
    )
    if decision is None:
        raise Http404
    return decision


def may_see_rows(user, decision: GenericDecision) -> bool:
    person = person_of(user)
    return access.may_work_outreach(person) and (
        user.role in CASEWORKER_ROLES or _is_belteam_of(user, decision.organisation_id)
    )


def all_visible_rows(user) -> QuerySet[OutreachRow]:
    """Every outreach row this person may work on (access.py), over all decisions: the
    deciding organisation's contact person all rows of its decisions, a professional the rows
    of the cases they may see."""
    rows = OutreachRow.objects.all()
    if not access.may_work_outreach(person_of(user)):
        return rows.none()
    if user.role == Role.TAFELLID:
        if user.organisation_id is None:
            return rows.none()
        return rows.filter(decision__organisation_id=user.organisation_id)
    return rows.filter(case_id__in=_visible_cases_subquery(user))


def visible_rows(user, decision: GenericDecision) -> QuerySet[OutreachRow]:
    """The rows of `decision` this person may work on."""
    return all_visible_rows(user).filter(decision_id=decision.pk)


def listed_rows(user, decision, status: str = "") -> QuerySet[OutreachRow]:
    rows = visible_rows(user, decision).select_related(
        "case__household", "case__team", "case__key_worker"
    )
    if status in outreach.STATUSES:
        rows = rows.filter(status=status)
    # The households still to call first: that is the belteam's work.
    first = DbCase(When(status=outreach.TO_CALL, then=0), default=1)
    return rows.order_by(first, "id")


def row_or_404(user, decision_pk, row_pk) -> OutreachRow:
    decision = decision_or_404(user, decision_pk)
    row = (
        visible_rows(user, decision)
        .select_related("case__household", "case__team", "case__key_worker")
        .filter(pk=row_pk)
        .first()
    )
    if row is None:
        raise Http404
    row.decision = decision
    return row


def attempts_of(row: OutreachRow) -> list[OutreachAttempt]:
    return list(row.attempt_log.select_related("by").order_by("-at", "-id"))


def progress_of(decision_id: int) -> outreach.Progress:
    counts = dict(
        OutreachRow.objects.filter(decision_id=decision_id)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
    )
    return outreach.progress(counts)


def _progress_counts() -> dict:
    return {
        f"n_{status.replace('-', '_')}": Count(
            "outreach_rows", filter=Q(outreach_rows__status=status)
        )
        for status in outreach.STATUSES
    }


def with_progress(decisions) -> list[GenericDecision]:
    """The decisions with `.progress` set, counted in the same query."""
    rows = list(decisions.annotate(**_progress_counts()))
    for decision in rows:
        decision.progress = outreach.progress(
            {
                status: getattr(decision, f"n_{status.replace('-', '_')}")
                for status in outreach.STATUSES
            }
        )
    return rows


@dataclass
class StartItem:
    decision: GenericDecision
    to_call: int
    progress: outreach.Progress | None = None


def start_items(user, limit: int) -> list:
    """For the start page: the adviser's latest decisions with progress; for the belteam,
    the decisions with households still to call that this person may see."""
    person = person_of(user)
    if access.may_create_generic(person):
        decisions = with_progress(visible_decisions(user).order_by("-created_at", "-pk")[:limit])
        return [StartItem(d, d.progress.to_call, d.progress) for d in decisions]
    if not access.may_work_outreach(person):
        return []
    if user.role == Role.TAFELLID:
        decisions = visible_decisions(user).annotate(
            to_call=Count("outreach_rows", filter=Q(outreach_rows__status=outreach.TO_CALL))
        )
    else:
        decisions = GenericDecision.objects.select_related("organisation").annotate(
            to_call=Count(
                "outreach_rows",
                filter=Q(
                    outreach_rows__status=outreach.TO_CALL,
                    outreach_rows__case_id__in=_visible_cases_subquery(user),
                ),
            )
        )
    return [
        StartItem(d, d.to_call)
        for d in decisions.filter(to_call__gt=0).order_by("-created_at", "-pk")[:limit]
    ]
