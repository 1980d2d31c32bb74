"""Reads on pauses, shared by the pages, the case page's include and the API.

Who sees a pause: whoever sees its case (cases.queries.visible_cases), and the W&I roles
(access.WI_ROLES) of the organisation whose measure is paused."""

import datetime

from django.db.models import Q, QuerySet
from django.http import Http404

from doorbraak.cases.queries import of_case, visibility_filter
from doorbraak.compiled_reads import CompiledRead

from . import access
from .models import Pause, PauseStatus


def visibility(user) -> Q:
    if not (user and user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    # The case branch as a subquery of case ids: visibility_filter is written for Case.
    from doorbraak.cases.models import Case

    seen = Q(case_id__in=Case.objects.filter(visibility_filter(user)).values("pk"))
    if access.may_list(user.role) and user.organisation_id is not None:
        seen |= Q(organisation_id=user.organisation_id)
    return seen


def visible_pauses(user) -> QuerySet[Pause]:
    return Pause.objects.filter(visibility(user)).select_related(
        "case", "organisation", "created_by"
    )


def pause_or_404(user, pk) -> Pause:
    pause = (
        visible_pauses(user)
        .select_related("approved_by", "reviewed_by", "care_action__owner", "case__household")
        .filter(pk=pk)
        .first()
    )
    if pause is None:
        raise Http404
    return pause


_CASE_PAUSES = CompiledRead(
    lambda p: (
        Pause.objects.filter(case_id=p.int("case"))
        .select_related("organisation")
        .order_by("-created_at", "-pk")
    )
)


def case_pauses(case) -> list[Pause]:
    """The pauses on a case page (whoever sees the case sees them), newest first: one read,
    compiled once (doorbraak/compiled_reads.py)."""
    return of_case(_CASE_PAUSES.all(case=case.pk), case)


def awaiting_approval(user) -> QuerySet[Pause]:
    """Long pauses waiting for this person's approval: someone else's, in their organisation."""
    if not access.may_approve(user.role, user.is_active):
        return Pause.objects.none()
    return (
        visible_pauses(user)
        .filter(status=PauseStatus.AWAITING_APPROVAL)
        .exclude(created_by_id=user.pk)
        .order_by("created_at", "pk")
    )


def reviews_due(user, today: datetime.date) -> QuerySet[Pause]:
    """Active pauses this person paused whose review date has come."""
    return (
        Pause.objects.filter(created_by_id=user.pk, status=PauseStatus.ACTIVE, review_on__lte=today)
        .select_related("case", "organisation")
        .order_by("review_on", "pk")
    )


def list_page(user) -> QuerySet[Pause]:
    return visible_pauses(user).order_by("-created_at", "-pk")


def start_items(user, today: datetime.date, limit: int) -> list[Pause]:
    """The start page's pauses, in one query: long pauses waiting for this person's approval,
    and their own pauses whose review date has come (also a follow-up action in My actions)."""
    if not access.may_list(user.role, user.is_active):
        return []
    mine_due = Q(created_by_id=user.pk, status=PauseStatus.ACTIVE, review_on__lte=today)
    wanted = mine_due
    if access.may_approve(user.role, user.is_active):
        wanted |= Q(status=PauseStatus.AWAITING_APPROVAL) & ~Q(created_by_id=user.pk)
    return list(visible_pauses(user).filter(wanted).order_by("review_on", "pk")[:limit])
