"""The periodic access review (BIO, issue 16 item 6): reads for the report and the start
pages, and the one write (confirm or revoke), audit-logged. Rules in review_rules.py."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.cases.models import Case, CaseAccess
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_processing, origin_from_request

from . import review_rules
from .models import AccessReview, ReviewDecision, Team, User
from .roles import Role


def period() -> datetime.timedelta:
    return datetime.timedelta(days=settings.DOORBRAAK_ACCESS_REVIEW_DAYS)


def term() -> datetime.timedelta:
    return datetime.timedelta(days=settings.DOORBRAAK_ACCESS_REVIEW_TERM_DAYS)


def _last_confirmed():
    return Subquery(
        AccessReview.objects.filter(user_id=OuterRef("pk"), decision=ReviewDecision.CONFIRMED)
        .order_by("-decided_at")
        .values("decided_at")[:1]
    )


def may_review(reviewer, person) -> bool:
    return review_rules.may_review(
        reviewer_id=reviewer.pk,
        reviewer_role=reviewer.role,
        reviewer_team_id=reviewer.team_id,
        person_id=person.pk,
        person_team_id=person.team_id,
    )


def is_reviewer(user) -> bool:
    return user.is_active and (
        user.role == Role.BEHEERDER or (user.role == Role.TEAMLEIDER and user.team_id is not None)
    )


def reviewable(reviewer) -> QuerySet[User]:
    """Active accounts `reviewer` reviews (review_rules.may_review), with their last
    confirmation."""
    people = User.objects.filter(is_active=True).exclude(pk=reviewer.pk)
    if reviewer.role == Role.TEAMLEIDER and reviewer.team_id is not None:
        people = people.filter(team_id=reviewer.team_id)
    elif reviewer.role != Role.BEHEERDER:
        return User.objects.none()
    return (
        people.annotate(last_confirmed=_last_confirmed())
        .select_related("team", "organisation")
        .order_by("team__name", "first_name", "last_name", "username")
    )


def cases_counts(people) -> dict[int, int]:
    """Cases each person can see (cases.queries.visibility_filter: their team's, their own as
    key worker, and those shared with them), in three grouped reads for any number of people."""
    people = list(people)
    team_of = {p.pk: p.team_id for p in people}
    per_team = dict(
        Case.objects.filter(team_id__in={t for t in team_of.values() if t})
        .values_list("team_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {pk: per_team.get(team, 0) if team else 0 for pk, team in team_of.items()}
    own = (
        Case.objects.filter(key_worker_id__in=team_of)
        .values_list("key_worker_id", "team_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for person, team, n in own:
        if team is None or team != team_of[person]:
            counts[person] += n
    shared = (
        CaseAccess.objects.filter(user_id__in=team_of, revoked_at__isnull=True)
        .values_list("user_id", "case__team_id", "case__key_worker_id")
        .annotate(n=Count("case_id", distinct=True))
        .order_by()
    )
    for person, team, key_worker, n in shared:
        if (team is None or team != team_of[person]) and key_worker != person:
            counts[person] += n
    return counts


@dataclass
class Row:
    person: User
    state: review_rules.ReviewState
    cases: int
    last_confirmed: datetime.datetime | None


def report(reviewer, now=None) -> list[tuple[Team | None, list[Row]]]:
    """Per team, who has which role, how many cases and when they last logged in."""
    now = now or timezone.now()
    people = list(reviewable(reviewer))
    counts = cases_counts(people)
    teams: dict = defaultdict(list)
    for p in people:
        state = review_rules.review_state(
            last_confirmed=p.last_confirmed,
            joined=p.date_joined,
            now=now,
            period=period(),
            term=term(),
        )
        teams[p.team].append(Row(p, state, counts[p.pk], p.last_confirmed))
    return sorted(teams.items(), key=lambda item: (item[0] is None, str(item[0] or "")))


def _due_filter(now) -> Q:
    return Q(last_confirmed__isnull=True) | Q(last_confirmed__lte=now - period())


def due_count(reviewer, now=None) -> int:
    """Accounts waiting for `reviewer`'s review (the team leader's start page)."""
    now = now or timezone.now()
    return reviewable(reviewer).filter(_due_filter(now)).count()


def overdue_count(now=None) -> int:
    """Active accounts not confirmed within the term (the functional administrator's start
    page): never confirmed and made more than a term ago, or confirmed longer than a period
    and a term ago."""
    now = now or timezone.now()
    return (
        User.objects.filter(is_active=True)
        .annotate(last_confirmed=_last_confirmed())
        .filter(
            Q(last_confirmed__isnull=True, date_joined__lt=now - term())
            | Q(last_confirmed__lt=now - period() - term())
        )
        .count()
    )


def _log(request, action: str, person, activity=Activity.ACCESS_REVIEW) -> None:
    log_processing(
        origin_from_request(request),
        activity=activity,
        action=action,
        object_type="user",
        object_id=person.pk,
    )


@transaction.atomic
def decide(request, *, person: User, decision: str) -> AccessReview:
    """Confirm or revoke `person`'s access. A team leader's revocation takes the person out
    of the team (they no longer see its cases); the functional administrator's deactivates
    the account. Both in the audit trail."""
    reviewer = request.user
    # FOR NO KEY UPDATE: the person's own requests, logging with them as actor, check that
    # foreign key (FOR KEY SHARE) and must not wait for this review
    person = User.objects.select_for_update(no_key=True).get(pk=person.pk)
    if not (is_reviewer(reviewer) and may_review(reviewer, person) and person.is_active):
        raise PermissionDenied(_("You may not review this person's access."))
    if decision not in ReviewDecision.values:
        raise PermissionDenied(_("Unknown decision."))
    review = AccessReview.objects.create(
        user=person,
        reviewer=reviewer,
        decision=decision,
        role=person.role,
        team_id=person.team_id,
        cases_count=cases_counts([person])[person.pk],
        decided_at=timezone.now(),
    )
    _log(
        request, f"access-{'confirm' if decision == ReviewDecision.CONFIRMED else 'revoke'}", person
    )
    if decision == ReviewDecision.REVOKED:
        if reviewer.role == Role.BEHEERDER:
            person.is_active = False
            person.save(update_fields=["is_active"])
        else:
            person.team = None
            person.save(update_fields=["team"])
        _log(request, "update", person, activity=Activity.USER_ADMIN)
    return review


def cases_of(person, limit: int = 100) -> list[tuple[Case, str]]:
    """The cases `person` can see, with why (the detail behind the count)."""
    from doorbraak.cases.queries import visible_cases

    rows = list(visible_cases(person).select_related("team").order_by("-opened_at")[:limit])
    shared = set(
        CaseAccess.objects.filter(
            user=person, revoked_at__isnull=True, case_id__in=[c.pk for c in rows]
        ).values_list("case_id", flat=True)
    )
    result = []
    for case in rows:
        if case.key_worker_id == person.pk:
            why = _("key worker")
        elif person.team_id is not None and case.team_id == person.team_id:
            why = _("team")
        elif case.pk in shared:
            why = _("shared with them")
        else:
            why = ""
        result.append((case, why))
    return result


def openable(reviewer, case_ids) -> set[int]:
    """Which of these cases the reviewer may open: only those get a link."""
    from doorbraak.cases.queries import visible_cases

    return set(visible_cases(reviewer).filter(pk__in=case_ids).values_list("pk", flat=True))
