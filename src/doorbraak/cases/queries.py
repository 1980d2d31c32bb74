"""Reads of case files shared by views and API.

`visible_cases` is the one place that decides who may see a case: its key worker, the key
worker's team, and people explicitly added. It is a single SQL filter served by indexes on
case.key_worker_id, case.team_id and the partial index on active case access.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from doorbraak.compiled_reads import CompiledRead
from doorbraak.proposals.models import Request
from doorbraak.subjectrights import restriction  # AVG art. 18: restricted households hidden

from .models import Blocker, Case, CaseAccess, Household, Member, SupportPlan, TimelineEntry


def visibility_filter(user) -> Q:
    """Cases `user` may see, as one SQL condition: `id IN (a UNION b UNION c)`, where each
    branch is one index lookup (key worker, team, active explicit access). An OR over the
    three would force PostgreSQL to scan every case."""
    if not (user and user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    return _visibility(user.pk, user.team_id)


def _visibility(user_id, team_id) -> Q:
    branches = [
        Case.objects.filter(key_worker_id=user_id).values("pk"),
        CaseAccess.objects.filter(user_id=user_id, revoked_at__isnull=True).values("case_id"),
    ]
    if team_id is not None:
        branches.append(Case.objects.filter(team_id=team_id).values("pk"))
    first, *rest = (branch.order_by() for branch in branches)
    # Restriction of processing (subjectrights): a restricted household's cases are hidden.
    return Q(pk__in=first.union(*rest, all=True)) & restriction.unrestricted_cases_q()


def visible_cases(user) -> QuerySet[Case]:
    return Case.objects.filter(visibility_filter(user))


def case_list(user, *, mine_only: bool = False, status: str | None = None) -> QuerySet[Case]:
    cases = visible_cases(user).select_related("household", "key_worker", "team")
    if mine_only:
        cases = cases.filter(key_worker_id=user.pk)
    if status:
        cases = cases.filter(status=status)
    return cases


def listed_cases(user, *, mine_only: bool, status: str | None) -> QuerySet:
    """The (id, opened_at) of the cases a list shows, for counting and sorting: the branches of
    `visibility_filter`, each filtered on status on its own index (key worker, status, opened)
    and (team, status, opened), then united. "Mine" is the key-worker branch alone: a key
    worker always sees their own case. Filtering every visible case by id after the union
    cost 2–3 ms for a team of ~600 cases (docs/benchmarks.md)."""
    if not (user and user.is_authenticated and user.is_active):
        return Case.objects.none().values("pk", "opened_at")

    def only_status(cases):
        cases = restriction.without_restricted(cases)  # AVG art. 18 (subjectrights)
        return cases.filter(status=status) if status else cases

    mine = only_status(Case.objects.filter(key_worker_id=user.pk)).values("pk", "opened_at")
    if mine_only:
        return mine.order_by()
    branches = [
        only_status(
            Case.objects.filter(
                pk__in=CaseAccess.objects.filter(user_id=user.pk, revoked_at__isnull=True).values(
                    "case_id"
                )
            )
        ).values("pk", "opened_at")
    ]
    if user.team_id is not None:
        branches.append(
            only_status(Case.objects.filter(team_id=user.team_id)).values("pk", "opened_at")
        )
    return mine.order_by().union(*(branch.order_by() for branch in branches))


def case_page(user, *, mine_only: bool, status: str | None, number, per_page: int) -> Page:
    """One page of the case list, newest first. Counting and sorting run on (id, opened_at)
    only (`listed_cases`); just the page's cases are then read with household, key worker and
    team."""
    rows = listed_cases(user, mine_only=mine_only, status=status).order_by("-opened_at", "-pk")
    page = Paginator(rows, per_page).get_page(number)
    ids = [row["pk"] for row in page.object_list]
    found = Case.objects.select_related("household", "key_worker", "team").in_bulk(ids)
    page.object_list = [found[pk] for pk in ids if pk in found]
    return page


def visible_case_or_404(user, pk) -> Case:
    try:
        return visible_cases(user).select_related("household", "key_worker", "team").get(pk=pk)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# The case page's reads, compiled once per process (doorbraak/compiled_reads.py): the page is
# opened more than any other, and building these querysets cost more than running them.
_CASE = CompiledRead(
    lambda p: (
        Case.objects.filter(pk=p.int("case"))
        .select_related("household__neighbourhood", "key_worker", "team")
        .annotate(restricted=restriction.restricted_annotation())
    )
)
_RESTRICTED = CompiledRead(
    lambda p: restriction.Restriction.objects.filter(
        household_id=p.int("household"), lifted_at__isnull=True
    ).values_list("pk", flat=True)[:1]
)


def _restricted(case) -> bool:
    """Whether the case's household is restricted: the annotation of `_CASE` when the case
    was read by it, else one small read."""
    known = case.__dict__.get("restricted")
    if known is not None:
        return known
    return bool(_RESTRICTED.all(household=case.household_id))


_ACCESS_OF = CompiledRead(
    lambda p: CaseAccess.objects.filter(
        case_id=p.int("case"), user_id=p.int("user"), revoked_at__isnull=True
    ).values_list("pk", flat=True)[:1]
)


def may_see(user, case) -> bool:
    """`visibility_filter` for one case already read: its key worker, its team, or active
    explicit access (one small read, only when neither of the first two holds). A page that
    reads one case by id uses this instead of joining the visibility union into its read,
    which made PostgreSQL plan a much larger query on every request (docs/benchmarks.md)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if _restricted(case):  # AVG art. 18 (subjectrights): nobody opens a restricted case
        return False
    if case.key_worker_id == user.pk:
        return True
    if user.team_id is not None and case.team_id == user.team_id:
        return True
    return bool(_ACCESS_OF.all(case=case.pk, user=user.pk))


def valid_pk(pk) -> int:
    """A primary key from a URL or API path, or 404."""
    try:
        pk = int(pk)
    except (ValueError, TypeError):
        raise Http404 from None
    if not 0 < pk < 2**63:
        raise Http404
    return pk


_MEMBERS = CompiledRead(lambda p: Member.objects.filter(household_id=p.int("household")))
_BLOCKERS = CompiledRead(
    lambda p: Blocker.objects.filter(case_id=p.int("case")).select_related(
        "organisation", "created_by"
    )
)
_PLAN = CompiledRead(
    lambda p: (
        SupportPlan.objects.filter(case_id=p.int("case"))
        .select_related("created_by")
        .order_by("-version")[:1]
    )
)
_TIMELINE = CompiledRead(
    lambda p: TimelineEntry.objects.filter(case_id=p.int("case")).select_related(
        "actor", "blocker"
    )[:200]
)
_ACCESS = CompiledRead(
    lambda p: (
        CaseAccess.objects.filter(case_id=p.int("case"), revoked_at__isnull=True)
        .select_related("user", "granted_by")
        .order_by("pk")
    )
)
_REQUESTS = CompiledRead(
    lambda p: (
        Request.objects.filter(case_id=p.int("case"))
        .select_related("category")
        .order_by("-submitted_at")
    )
)


def of_case(rows: list, case: Case) -> list:
    """The rows of one case, each told its case (a page read them by the case's id)."""
    for row in rows:
        row.case = case  # what the related manager would have set: no query for row.case
    return rows


def case_detail(user, pk) -> Case:
    """The case with everything its page shows, if `user` may see it: seven small reads
    (eight when the user sees it through explicit access)."""
    case = _CASE.first(case=valid_pk(pk))
    if case is None or not may_see(user, case):
        raise Http404
    case.member_list = household_members(case.household)
    case.blocker_list = of_case(_BLOCKERS.all(case=pk), case)
    plans = _PLAN.all(case=pk)
    case.current_plan = of_case(plans, case)[0] if plans else None
    case.entries = of_case(_TIMELINE.all(case=pk), case)
    case.request_list = of_case(_REQUESTS.all(case=pk), case)
    case.active_access = of_case(_ACCESS.all(case=pk), case)
    return case


def household_members(household: Household) -> list[Member]:
    """The household's members (one compiled read), each knowing its household already."""
    members = _MEMBERS.all(household=household.pk)
    for member in members:
        member.household = household
    return members


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


def subject_ids_of_case(case) -> list:
    """Data subjects whose data a page about this one case shows: its household's members."""
    return subject_ids_of_household(case.household_id)


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


def cases_by_bsn_index(user, index: str | list[str]) -> QuerySet[Case]:
    indexes = [index] if isinstance(index, str) else list(index)  # several during a rotation
    households = Member.objects.filter(bsn_index__in=indexes).values("household_id")
    return case_list(user).filter(household_id__in=households)
