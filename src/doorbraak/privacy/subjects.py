"""Whom a page, an API answer, an admin page or a file is about: the data subjects
(household members' `subject_id`) for `services.log_request` / `log_processing`.

Each function is one query, whatever the number of ids: give it the ids of what is shown
(a list, or a queryset of ids that becomes a subquery). Everything a case holds is about its
household (docs/privacy.md §1), so a request, a payment order or an escalation is about every
member of its case's household."""

from collections.abc import Iterable

from django.db.models import QuerySet

from doorbraak.cases.models import Case, Member


def _households_members(cases: QuerySet) -> list:
    return list(
        Member.objects.filter(household_id__in=cases.values("household_id")).values_list(
            "subject_id", flat=True
        )
    )


def _ids(ids: Iterable[int] | QuerySet) -> QuerySet | list:
    return ids if isinstance(ids, QuerySet) else list(ids)


def of_cases(case_ids: Iterable[int] | QuerySet) -> list:
    """The members of the households of these cases."""
    ids = _ids(case_ids)
    return _households_members(Case.objects.filter(pk__in=ids)) if ids != [] else []


def of_requests(request_ids: Iterable[int] | QuerySet) -> list:
    """The members of the households whose cases these maatwerk requests are on (a payment
    order's creditor, IBAN and remittance are about the household the request is for)."""
    ids = _ids(request_ids)
    return _households_members(Case.objects.filter(requests__in=ids)) if ids != [] else []


def of_escalations(escalation_ids: Iterable[int] | QuerySet) -> list:
    """The members of the households whose cases these escalations are about."""
    ids = _ids(escalation_ids)
    return _households_members(Case.objects.filter(escalations__in=ids)) if ids != [] else []
