"""Reads of maatwerk requests, under the case visibility rule."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from doorbraak.cases.models import Blocker
from doorbraak.cases.queries import visible_cases

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


def request_detail(user, pk) -> Request:
    try:
        return visible_requests(user).select_related("fund__approval_policy").get(pk=pk)
    except (Request.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


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
