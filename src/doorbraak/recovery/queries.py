"""Reads of the hersteloperatie. The mark is read only through a case the reader may see
(cases.queries: the key worker, the team, people added to the case); approvers get
`priority()`, a yes/no per request that does not say why."""

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import Http404

from doorbraak.cases.models import Case
from doorbraak.cases.queries import may_see, valid_pk, visible_cases

from .models import ForgivenDebt, RecoveryFund, RecoveryMark


def active_marks() -> QuerySet[RecoveryMark]:
    return RecoveryMark.objects.filter(ended_at__isnull=True)


def priority(household_ref: str = "case__household_id") -> Exists:
    """For the approval inbox (approvals/queries.py): does the request's household carry an
    active mark? Only this boolean leaves the app; the page shows "prioriteit", no reason."""
    return Exists(active_marks().filter(household_id=OuterRef(household_ref)))


def case_or_404(user, pk) -> Case:
    case = (
        Case.objects.select_related("household", "team", "key_worker")
        .filter(pk=valid_pk(pk))
        .first()
    )
    if case is None or not may_see(user, case):
        raise Http404
    return case


def mark_of(case: Case) -> RecoveryMark | None:
    return (
        active_marks().filter(household_id=case.household_id).select_related("recorded_by").first()
    )


def debts_of(case: Case) -> list[ForgivenDebt]:
    return list(case.forgiven_debts.order_by("creditor", "pk"))


def visible_marks(user) -> QuerySet[RecoveryMark]:
    """Active marks of households with a case `user` may see (the API's list)."""
    return active_marks().filter(
        Exists(visible_cases(user).filter(household_id=OuterRef("household_id")))
    )


def visible_debts(user) -> QuerySet[ForgivenDebt]:
    return ForgivenDebt.objects.filter(case__in=visible_cases(user))


def recovery_fund(fund_id: int) -> RecoveryFund | None:
    return RecoveryFund.objects.filter(fund_id=fund_id).first()


def recovery_funds() -> list:
    return list(RecoveryFund.objects.select_related("fund").order_by("fund__name"))


def fund_refuses(fund_id: int, household_id: int) -> bool:
    """The hersteloperatie's fund pays only for households carrying the mark: True when
    `fund_id` is such a fund and the household has no mark in force. Asked by the fund's fit
    check (funds/services.fit_problems), which only the request's writer sees."""
    return (
        RecoveryFund.objects.filter(fund_id=fund_id).exists()
        and not active_marks().filter(household_id=household_id).exists()
    )


def households_served(fund) -> int | None:
    """For the fund page (funds/views.py): how many marked households the fund served (a
    request submitted on it, not withdrawn). None when the fund is not the hersteloperatie's.
    A count only: no household is named."""
    if not RecoveryFund.objects.filter(fund_id=fund.pk).exists():
        return None
    from doorbraak.proposals.models import Request

    return (
        Request.objects.filter(fund_id=fund.pk)
        .exclude(status="ingetrokken")
        .filter(Exists(RecoveryMark.objects.filter(household_id=OuterRef("case__household_id"))))
        .aggregate(n=Count("case__household_id", distinct=True))["n"]
    )
