"""Reads for the start page: each role's own work, a fixed number of queries per role
(tests/home/test_start.py asserts them). Lists are short; each links to the full page."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Window
from django.utils import timezone

from doorbraak.accounts.queries import mandates_active_on
from doorbraak.accounts.roles import Role
from doorbraak.approvals import queries as approvals
from doorbraak.approvals.models import Notification
from doorbraak.approvals.notifications import unread_of
from doorbraak.cases.models import Case, CaseAccess, CaseStatus
from doorbraak.compiled_reads import CompiledRead
from doorbraak.costbenefit.models import CostFigure
from doorbraak.earlysignals import queries as earlysignals
from doorbraak.escalation import queries as escalation
from doorbraak.funds import queries as funds
from doorbraak.funds.services import utilisation
from doorbraak.generic import queries as generic
from doorbraak.indications import queries as indications
from doorbraak.learning import queries as learning
from doorbraak.let import queries as let
from doorbraak.pauses import queries as pauses
from doorbraak.proposals.models import Request, RequestStatus
from doorbraak.tables import queries as tables
from doorbraak.verhuisbox import queries as verhuisbox
from doorbraak.worktables import queries as worktables

from . import menu

SHORT = 5
#: Cost figures priced more than this many years ago are due for review.
FIGURE_MAX_AGE_YEARS = 2


def person_of(user) -> menu.Person:
    return menu.Person(
        role=user.role,
        has_team=user.team_id is not None,
        is_staff=user.is_staff,
        is_active=user.is_active,
    )


@dataclass
class StartPage:
    votes: list = field(default_factory=list)
    votes_total: int = 0
    notifications: list = field(default_factory=list)
    notifications_more: bool = False
    #: All unread notifications: the menu badge's number, so the badge needs no query here.
    unread_total: int = 0
    cases: list = field(default_factory=list)
    cases_total: int = 0
    shared: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    overdue: list = field(default_factory=list)
    funds: list = field(default_factory=list)
    mandates: list = field(default_factory=list)
    patterns: list = field(default_factory=list)
    signals: list = field(default_factory=list)
    figures_to_review: int = 0
    actions: list = field(default_factory=list)
    actions_open: int = 0
    actions_overdue: int = 0
    escalations: list = field(default_factory=list)
    meeting: object = None
    meeting_shown: list = field(default_factory=list)
    let_triage: list = field(default_factory=list)
    let_checks: list = field(default_factory=list)
    worktables: object = None  # worktables.queries.StartSection
    generic: list = field(default_factory=list)
    pauses: list = field(default_factory=list)  # pauses/: to approve or review
    indications: list = field(default_factory=list)  # indications/: to review or answer
    earlysignals: dict | None = None  # earlysignals/: overdue and own open signals
    verhuisbox: list = field(default_factory=list)  # verhuisbox/: trajectories' next steps

    @property
    def has_work(self) -> bool:
        return any(
            (
                self.votes,
                self.notifications,
                self.cases,
                self.shared,
                self.requests,
                self.overdue,
                self.funds,
                self.mandates,
                self.patterns,
                self.signals,
                self.figures_to_review,
                self.actions,
                self.escalations,
                self.meeting,
                self.let_triage,
                self.let_checks,
                self.worktables,
                self.generic,
                self.pauses,
                self.indications,
                self.earlysignals,
                self.verhuisbox,
            )
        )


def notifications_page(user):
    return (
        Notification.objects.filter(user_id=user.pk)
        .select_related("request")
        .order_by("-created_at", "-id")
    )


def _with_total(queryset):
    """Rows and, on each, how many rows there are in all (a window count): a short list and
    its total in one query."""
    return queryset.annotate(total_rows=Window(Count("pk")))


def _total(rows: list) -> int:
    return rows[0].total_rows if rows else 0


# The start page's own reads, compiled once per process (doorbraak/compiled_reads.py).
_VOTES = CompiledRead(
    lambda p: _with_total(approvals.inbox_of(p.int("user")).filter(voted=False))[:SHORT]
)
_UNREAD = CompiledRead(
    lambda p: _with_total(
        unread_of(p.int("user")).select_related("request").order_by("-created_at", "-id")
    )[:SHORT]
)
_OWN_CASES = CompiledRead(
    # A key worker always sees their own cases: the key-worker index alone, no union.
    lambda p: _with_total(
        Case.objects.filter(key_worker_id=p.int("user"), status=CaseStatus.OPEN)
        .select_related("household", "key_worker", "team")
        .order_by("-opened_at", "-pk")
    )[:SHORT]
)
_OWN_REQUESTS = CompiledRead(
    lambda p: (
        Request.objects.filter(created_by_id=p.int("user"), status=RequestStatus.SUBMITTED)
        .select_related("fund", "category")
        .order_by("-submitted_at", "-pk")[:SHORT]
    )
)
_SHARED = CompiledRead(
    lambda p: (
        CaseAccess.objects.filter(
            user_id=p.int("user"), revoked_at__isnull=True, case__status=CaseStatus.OPEN
        )
        .select_related("case__household")
        .order_by("-granted_at")[: SHORT * 2]
    )
)
_MANDATES = CompiledRead(
    lambda p: mandates_active_on(p.date("day")).filter(holder_id=p.int("user"))[:SHORT]
)


def start_page(user, today: datetime.date | None = None) -> StartPage:
    today = today or timezone.localdate()
    person = person_of(user)
    page = StartPage()
    if menu.may_vote(person):
        page.votes = _VOTES.all(user=user.pk)
        page.votes_total = _total(page.votes)
    if user.role == Role.TEAMLEIDER:
        # Only team leaders are told of requests without a decision in time.
        page.overdue = list(
            approvals.overdue_for_team_leader(user).order_by("submitted_at")[:SHORT]
        )
    page.notifications = _UNREAD.all(user=user.pk)
    page.unread_total = _total(page.notifications)
    page.notifications_more = page.unread_total > SHORT
    if menu.may_open_case(person):
        page.cases = _OWN_CASES.all(user=user.pk)
        page.cases_total = _total(page.cases)
        page.requests = _OWN_REQUESTS.all(user=user.pk)
    page.shared = _SHARED.all(user=user.pk)
    if menu.may_see_funds(person):
        page.funds = [(fund, utilisation(fund)) for fund in funds.visible_funds(user)[:SHORT]]
    if menu.may_have_actions(person):
        page.actions_open, page.actions_overdue = escalation.action_counts(user, today)
        if page.actions_open:
            page.actions = list(escalation.open_actions(user)[:SHORT])
        page.escalations = list(escalation.waiting_for_decision(user)[:SHORT])
    page.meeting = tables.next_meeting(user, today)
    if page.meeting is not None:
        page.meeting_shown = tables.presentations(user, page.meeting.item_list, today)
    page.mandates = _MANDATES.all(user=user.pk, day=today)
    if menu.may_see_patterns(person):
        page.patterns = learning.candidate_patterns(limit=SHORT)
    if menu.may_triage_signals(person):
        page.signals = learning.new_signals(limit=SHORT)
    if menu.may_work_let(person):
        page.let_triage = let.to_triage(user)
        page.let_checks = let.checks_due(user, today)
    page.worktables = worktables.start_section(user)
    page.generic = generic.start_items(user, SHORT)
    page.pauses = pauses.start_items(user, today, SHORT)
    page.indications = indications.start_items(user, today, SHORT)
    page.earlysignals = earlysignals.start_section(user, today)
    page.verhuisbox = verhuisbox.start_items(user)
    if menu.may_administer(person):
        page.figures_to_review = CostFigure.objects.filter(
            price_year__lt=today.year - FIGURE_MAX_AGE_YEARS + 1
        ).count()
    return page
