"""Reads on indications, shared by the pages, the case page's section, the start page and the
API.

Who sees an indication: whoever sees its case (cases.queries.visible_cases: the key worker, the
team, and people linked to the case, such as the adviser), and the Wmo consultants of the
municipality the case's team works in (they review every indication of their municipality)."""

import datetime

from django.db.models import Q, QuerySet
from django.http import Http404

from doorbraak.cases.models import Case
from doorbraak.cases.queries import of_case, visibility_filter
from doorbraak.compiled_reads import CompiledRead
from doorbraak.subjectrights import restriction

from . import access
from .models import OPEN_STATUSES, Exchange, Indication


def visibility(user) -> Q:
    if not (user and user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    seen = Q(case_id__in=Case.objects.filter(visibility_filter(user)).values("pk"))
    if access.may_review(user.role) and user.organisation_id is not None:
        municipal = Case.objects.filter(
            team__neighbourhood__municipality_id=user.organisation_id
        ).filter(restriction.unrestricted_cases_q())
        seen |= Q(case_id__in=municipal.values("pk"))
    return seen


def visible_indications(user) -> QuerySet[Indication]:
    return Indication.objects.filter(visibility(user)).select_related("case__household", "adviser")


def indication_or_404(user, pk) -> Indication:
    indication = visible_indications(user).select_related("reviewer").filter(pk=pk).first()
    if indication is None:
        raise Http404
    indication.exchange_list = list(
        Exchange.objects.filter(indication_id=indication.pk).select_related("author")
    )
    return indication


def list_page(user, *, status: str | None = None) -> QuerySet[Indication]:
    rows = visible_indications(user)
    if status == "open":
        rows = rows.filter(status__in=OPEN_STATUSES)
    elif status:
        rows = rows.filter(status=status)
    return rows.order_by("reported_on", "pk") if status == "open" else rows


_CASE_INDICATIONS = CompiledRead(
    lambda p: (
        Indication.objects.filter(case_id=p.int("case"))
        .select_related("adviser")
        .order_by("-submitted_at", "-pk")
    )
)


def case_indications(case) -> list[Indication]:
    """The indications on a case page (whoever sees the case sees them), newest first: one
    read, compiled once (doorbraak/compiled_reads.py)."""
    return of_case(_CASE_INDICATIONS.all(case=case.pk), case)


def start_items(user, today: datetime.date, limit: int) -> list[Indication]:
    """The start page's indications, in one query, the oldest report first (its term runs
    out first): for the consultant the ones awaiting review, for the adviser their own
    open ones (a question to answer first)."""
    if access.may_review(user.role, user.is_active):
        rows = visible_indications(user).filter(status=OPEN_STATUSES[0])
    elif access.may_write(user.role, user.is_active):
        rows = Indication.objects.filter(
            adviser_id=user.pk, status__in=OPEN_STATUSES
        ).select_related("case__household", "adviser")
    else:
        return []
    items = list(rows.order_by("-status", "reported_on", "pk")[:limit])
    for item in items:
        item.terms = item.terms_on(today)
    return items


def annotate_terms(rows, today: datetime.date) -> list[Indication]:
    rows = list(rows)
    for row in rows:
        row.terms = row.terms_on(today)
    return rows


def overdue_count(rows: list[Indication]) -> int:
    return sum(1 for row in rows if row.terms.overdue)
