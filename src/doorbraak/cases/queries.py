"""Reads of case files shared by views and API.

`visible_cases` is the one place that decides who may see a case: its key worker, the key
worker's team, and people explicitly added. It is a single SQL filter served by indexes on
case.key_worker_id, case.team_id and the partial index on active case access.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from .models import Blocker, Case, CaseAccess, Household, Member


def visibility_filter(user) -> Q:
    """Cases `user` may see, as one SQL condition: `id IN (a UNION b UNION c)`, where each
    branch is one index lookup (key worker, team, active explicit access). An OR over the
    three would force PostgreSQL to scan every case."""
    if not (user and user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    branches = [
        Case.objects.filter(key_worker_id=user.pk).values("pk"),
        CaseAccess.objects.filter(user_id=user.pk, revoked_at__isnull=True).values("case_id"),
    ]
    if user.team_id is not None:
        branches.append(Case.objects.filter(team_id=user.team_id).values("pk"))
    first, *rest = (branch.order_by() for branch in branches)
    return Q(pk__in=first.union(*rest, all=True))


def visible_cases(user) -> QuerySet[Case]:
    return Case.objects.filter(visibility_filter(user))


def case_list(user, *, mine_only: bool = False, status: str | None = None) -> QuerySet[Case]:
    cases = visible_cases(user).select_related("household", "key_worker", "team")
    if mine_only:
        cases = cases.filter(key_worker_id=user.pk)
    if status:
        cases = cases.filter(status=status)
    return cases


def case_page(user, *, mine_only: bool, status: str | None, number, per_page: int) -> Page:
    """One page of the case list, newest first. Counting and sorting run on case rows only;
    just the page's cases are then read with household, key worker and team. (Joining every
    visible case before the sort cost 7–12 ms for a team of ~600 cases; docs/benchmarks.md.)"""
    ids = (
        case_list(user, mine_only=mine_only, status=status)
        .order_by("-opened_at", "-pk")
        .values_list("pk", flat=True)
    )
    page = Paginator(ids, per_page).get_page(number)
    found = Case.objects.select_related("household", "key_worker", "team").in_bulk(
        list(page.object_list)
    )
    page.object_list = [found[pk] for pk in page.object_list if pk in found]
    return page


def visible_case_or_404(user, pk) -> Case:
    try:
        return visible_cases(user).select_related("household", "key_worker", "team").get(pk=pk)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def case_detail(user, pk) -> Case:
    try:
        case = (
            visible_cases(user)
            .select_related("household__neighbourhood", "key_worker", "team")
            .get(pk=pk)
        )
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    case.member_list = list(case.household.members.all())
    case.blocker_list = list(case.blockers.select_related("organisation", "created_by"))
    case.current_plan = case.plans.select_related("created_by").order_by("-version").first()
    case.entries = list(case.timeline.select_related("actor", "blocker")[:200])
    case.request_list = list(case.requests.select_related("category").order_by("-submitted_at"))
    case.active_access = list(
        case.access.filter(revoked_at__isnull=True).select_related("user", "granted_by")
    )
    return case


def members_of(case: Case) -> list[Member]:
    """The household's members: the list `case_detail` already loaded, else one query."""
    if hasattr(case, "member_list"):
        return case.member_list
    return list(case.household.members.all())


def subject_ids_of_cases(cases) -> list:
    """Data subjects whose data a page about these cases shows: every household member. One
    query for the ids only, so a list page need not load every member."""
    households = {case.household_id for case in cases}
    if not households:
        return []
    return list(
        Member.objects.filter(household_id__in=households).values_list("subject_id", flat=True)
    )


def subject_ids_of_household(household_id: int) -> list:
    return list(
        Member.objects.filter(household_id=household_id).values_list("subject_id", flat=True)
    )


def visible_households(user) -> QuerySet[Household]:
    return Household.objects.filter(
        Exists(visible_cases(user).filter(household_id=OuterRef("pk")))
    ).prefetch_related("members")


def visible_blockers(user) -> QuerySet[Blocker]:
    return Blocker.objects.filter(case__in=visible_cases(user).values("pk")).select_related(
        "organisation", "case__household"
    )


def cases_by_bsn_index(user, index: str) -> QuerySet[Case]:
    households = Member.objects.filter(bsn_index=index).values("household_id")
    return case_list(user).filter(household_id__in=households)
