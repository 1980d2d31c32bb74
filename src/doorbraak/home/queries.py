"""Reads for the start page: each role's own work, a fixed number of queries per role
(tests/home/test_start.py asserts them). Lists are short; each links to the full page."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from doorbraak.accounts.queries import mandates_active_on
from doorbraak.approvals import queries as approvals
from doorbraak.approvals.models import Notification
from doorbraak.approvals.notifications import unread
from doorbraak.cases.models import Case, CaseAccess, CaseStatus
from doorbraak.costbenefit.models import CostFigure
from doorbraak.escalation import queries as escalation
from doorbraak.funds import queries as funds
from doorbraak.funds.services import utilisation
from doorbraak.generic import queries as generic
from doorbraak.learning import queries as learning
from doorbraak.let import queries as let
from doorbraak.proposals.models import Request, RequestStatus
from doorbraak.tables import queries as tables

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
    generic: list = field(default_factory=list)

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
                self.generic,
            )
        )


def unread_notifications(user, limit: int):
    """Unread notifications, newest first, with their request; one query."""
    return list(unread(user).select_related("request").order_by("-created_at", "-id")[:limit])


def notifications_page(user):
    return (
        Notification.objects.filter(user_id=user.pk)
        .select_related("request")
        .order_by("-created_at", "-id")
    )


def waiting_votes(user):
    """Open requests asking this person's vote that they have not voted on yet."""
    return approvals.inbox(user).filter(voted=False)


def start_page(user, today: datetime.date | None = None) -> StartPage:
    today = today or timezone.localdate()
    person = person_of(user)
    page = StartPage()
    if menu.may_vote(person):
        page.votes = list(waiting_votes(user)[:SHORT])
        page.votes_total = waiting_votes(user).count()
        page.overdue = list(
            approvals.overdue_for_team_leader(user).order_by("submitted_at")[:SHORT]
        )
    notifications = unread_notifications(user, SHORT + 1)
    page.notifications = notifications[:SHORT]
    page.notifications_more = len(notifications) > SHORT
    if menu.may_open_case(person):
        # A key worker always sees their own cases: the key-worker index alone, no union.
        mine = Case.objects.filter(key_worker_id=user.pk, status=CaseStatus.OPEN).select_related(
            "household", "key_worker", "team"
        )
        page.cases = list(mine.order_by("-opened_at", "-pk")[:SHORT])
        page.cases_total = mine.count()
        page.requests = list(
            Request.objects.filter(created_by_id=user.pk, status=RequestStatus.SUBMITTED)
            .select_related("fund", "category")
            .order_by("-submitted_at", "-pk")[:SHORT]
        )
    page.shared = list(
        CaseAccess.objects.filter(
            user_id=user.pk, revoked_at__isnull=True, case__status=CaseStatus.OPEN
        )
        .select_related("case__household")
        .order_by("-granted_at")[: SHORT * 2]
    )
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
    page.mandates = list(mandates_active_on(today).filter(holder_id=user.pk)[:SHORT])
    if menu.may_see_patterns(person):
        page.patterns = learning.candidate_patterns(limit=SHORT)
    if menu.may_triage_signals(person):
        page.signals = learning.new_signals(limit=SHORT)
    if menu.may_work_let(person):
        page.let_triage = let.to_triage(user)
        page.let_checks = let.checks_due(user, today)
    page.generic = generic.start_items(user, SHORT)
    if menu.may_administer(person):
        page.figures_to_review = CostFigure.objects.filter(
            price_year__lt=today.year - FIGURE_MAX_AGE_YEARS + 1
        ).count()
    return page
