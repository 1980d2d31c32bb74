"""Reads of maatwerk requests, under the case visibility rule."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from doorbraak.cases import queries as case_queries
from doorbraak.cases.models import Blocker
from doorbraak.cases.queries import visible_cases
from doorbraak.compiled_reads import CompiledRead, prefetched

from .models import Category, LegalGround, Request


def visible_requests(user) -> QuerySet[Request]:
    return (
        Request.objects.filter(case_id__in=visible_cases(user).values("pk"))
        .select_related(
            "case__household", "category", "created_by", "triangle__legal_ground", "cost_benefit"
        )
        .prefetch_related(
            Prefetch("blockers", queryset=Blocker.objects.select_related("organisation")),
            "case__household__members",
        )
    )


# The request page's reads, compiled once per process (doorbraak/compiled_reads.py).
_REQUEST = CompiledRead(
    lambda p: Request.objects.filter(pk=p.int("request")).select_related(
        "case__household",
        "category",
        "created_by",
        "triangle__legal_ground",
        "cost_benefit",
        "fund__approval_policy",
    )
)
_BLOCKERS = CompiledRead(
    lambda p: Blocker.objects.filter(requests=p.int("request")).select_related("organisation")
)


def request_detail(user, pk) -> Request:
    """The request with its blockers and household members, if `user` may see it."""
    pk = case_queries.valid_pk(pk)
    request = _REQUEST.first(request=pk)
    if request is None or not case_queries.may_see(user, request.case):
        raise Http404
    prefetched(request, "blockers", _BLOCKERS.all(request=pk))
    household = request.case.household
    prefetched(household, "members", case_queries.household_members(household))
    return request


def active_categories() -> QuerySet[Category]:
    return Category.objects.filter(active=True)


def active_legal_grounds() -> QuerySet[LegalGround]:
    return LegalGround.objects.filter(active=True)


def subject_ids(request: Request) -> list:
    return [m.subject_id for m in request.case.household.members.all()]


def funds_for_team(team_id):
    from django.db.models import Q

    from doorbraak.funds.models import Fund

    return (
        Fund.objects.filter(active=True)
        .filter(Q(owner_team_id=team_id) | Q(owner_team__isnull=True))
        .order_by("name")
    )
