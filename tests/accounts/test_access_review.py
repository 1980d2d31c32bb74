"""The periodic access review (BIO, issue 16 item 6): the report per team, confirm and revoke
by the team leader and the functional administrator, audit-logged; overdue accounts flagged on
the functional administrator's start page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.accounts import review
from doorbraak.accounts.models import AccessReview
from doorbraak.accounts.review_rules import ReviewState, may_review, review_state
from doorbraak.accounts.roles import Role
from doorbraak.cases.queries import visible_cases
from doorbraak.privacy.models import AuditRecord
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db

PERIOD, TERM = datetime.timedelta(days=91), datetime.timedelta(days=30)
NOW = datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC)


@pytest.mark.django_db(False)
@given(st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=400))
def test_review_state_follows_the_period_and_the_term(days_joined, days_confirmed):
    joined = NOW - datetime.timedelta(days=days_joined)
    confirmed = NOW - datetime.timedelta(days=days_confirmed)
    state = review_state(last_confirmed=confirmed, joined=joined, now=NOW, period=PERIOD, term=TERM)
    if days_confirmed < 91:
        assert state == ReviewState.CONFIRMED
    elif days_confirmed > 121:
        assert state == ReviewState.OVERDUE
    else:
        assert state == ReviewState.DUE
    never = review_state(last_confirmed=None, joined=joined, now=NOW, period=PERIOD, term=TERM)
    assert never == (ReviewState.OVERDUE if days_joined > 30 else ReviewState.DUE)


@pytest.mark.django_db(False)
def test_who_reviews_whom():
    leader = {"reviewer_id": 1, "reviewer_role": Role.TEAMLEIDER, "reviewer_team_id": 7}
    assert may_review(**leader, person_id=2, person_team_id=7)
    assert not may_review(**leader, person_id=2, person_team_id=8)
    assert not may_review(**leader, person_id=1, person_team_id=7)
    admin = {"reviewer_id": 1, "reviewer_role": Role.BEHEERDER, "reviewer_team_id": None}
    assert may_review(**admin, person_id=2, person_team_id=8)
    assert not may_review(**admin, person_id=1, person_team_id=None)
    worker = {"reviewer_id": 1, "reviewer_role": Role.GEZINSWERKER, "reviewer_team_id": 7}
    assert not may_review(**worker, person_id=2, person_team_id=7)


@pytest.fixture
def leader(team_a):
    return UserFactory(username="leider-a", role=Role.TEAMLEIDER, team=team_a)


def test_the_counts_match_what_each_person_sees(worker_a, colleague_a, worker_b, case_a):
    CaseFactory(actor=worker_b)
    counts = review.cases_counts([worker_a, colleague_a, worker_b])
    for person in (worker_a, colleague_a, worker_b):
        assert counts[person.pk] == visible_cases(person).count()


def test_the_team_leader_sees_the_team_and_confirms(client, leader, worker_a, worker_b, case_a):
    client.force_login(leader)
    page = client.get(reverse("accounts:access-review"))
    body = page.content.decode()
    assert page.status_code == 200 and "Toegangscontrole" in body
    assert worker_a.username in body or str(worker_a) in body
    assert str(worker_b) not in body
    assert "1 casus" in body
    response = client.post(
        reverse("accounts:access-decide", args=[worker_a.pk]), {"decision": "bevestigd"}
    )
    assert response.status_code == 302
    decision = AccessReview.objects.get(user=worker_a)
    assert decision.reviewer == leader and decision.cases_count == 1
    assert AuditRecord.objects.filter(action="access-confirm", object_id=str(worker_a.pk)).exists()
    assert review.due_count(leader) == 0


def test_the_team_leader_revokes_team_membership(client, leader, worker_a, team_a):
    client.force_login(leader)
    client.post(reverse("accounts:access-decide", args=[worker_a.pk]), {"decision": "ingetrokken"})
    worker_a.refresh_from_db()
    assert worker_a.team is None and worker_a.is_active
    assert AuditRecord.objects.filter(action="access-revoke").exists()
    assert AuditRecord.objects.filter(activity="gebruiker-beheren", action="update").exists()


def test_nobody_reviews_outside_their_team_or_themselves(client, leader, worker_b):
    client.force_login(leader)
    for person in (worker_b, leader):
        response = client.post(
            reverse("accounts:access-decide", args=[person.pk]), {"decision": "ingetrokken"}
        )
        assert response.status_code == 403
    assert client.get(reverse("accounts:access-person", args=[worker_b.pk])).status_code == 403
    worker_b.refresh_from_db()
    assert worker_b.team_id is not None and not AccessReview.objects.exists()


def test_a_case_worker_has_no_access_review(client, worker_a):
    client.force_login(worker_a)
    assert client.get(reverse("accounts:access-review")).status_code == 403


def test_the_person_page_lists_the_cases_with_links_only_where_allowed(
    client, leader, worker_a, case_a
):
    client.force_login(leader)
    page = client.get(reverse("accounts:access-person", args=[worker_a.pk])).content.decode()
    assert case_a.reference in page and reverse("cases:detail", args=[case_a.pk]) in page
    admin_user = UserFactory(role=Role.BEHEERDER, is_staff=True)
    client.force_login(admin_user)
    page = client.get(reverse("accounts:access-person", args=[worker_a.pk])).content.decode()
    assert case_a.reference in page and reverse("cases:detail", args=[case_a.pk]) not in page


def test_overdue_accounts_are_flagged_to_the_functional_administrator(client, worker_a, leader):
    admin_user = UserFactory(role=Role.BEHEERDER, is_staff=True)
    client.force_login(admin_user)
    assert "niet op tijd beoordeeld" not in client.get("/").content.decode()
    worker_a.date_joined = timezone.now() - datetime.timedelta(days=40)
    worker_a.save()
    assert review.overdue_count() == 1
    start = client.get("/").content.decode()
    assert "1 account niet op tijd beoordeeld" in start
    client.post(reverse("accounts:access-decide", args=[worker_a.pk]), {"decision": "ingetrokken"})
    worker_a.refresh_from_db()
    assert not worker_a.is_active and review.overdue_count() == 0


def test_the_team_leader_start_page_shows_the_accounts_to_review(client, leader, worker_a):
    client.force_login(leader)
    start = client.get("/").content.decode()
    assert "te beoordelen" in start and reverse("accounts:access-review") in start
