"""One count, one place: the menu badge counts what still needs the person, the e-mail links
straight to the vote, and a decision reaches the requester."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from doorbraak.approvals.models import Notification, NotificationKind
from doorbraak.approvals.notifications import unread
from doorbraak.approvals.queries import unread_count
from doorbraak.proposals import lifecycle
from tests.approvals.test_flow import submit
from tests.factories import UserFactory
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db


@pytest.fixture
def voting(team_a, worker_a):
    fund = make_fund(team_a, name="Minimaatwerkbudget", budget_cents=10_000_000)
    approvers = [
        UserFactory(username=f"stemmer-{i}", team=team_a, email=f"stemmer-{i}@example.org")
        for i in range(3)
    ]
    return fund, approvers


def test_a_vote_request_stops_counting_once_voted_or_decided(worker_a, voting):
    fund, (first, second, third) = voting
    request = submit(worker_a, fund, "120.00")
    assert [unread_count(u) for u in (first, second, third)] == [1, 1, 1]

    lifecycle.vote_cast(actor=first, request=request, choice="ja")
    assert [unread_count(u) for u in (first, second, third)] == [0, 1, 1]

    lifecycle.vote_cast(actor=second, request=request, choice="ja")
    lifecycle.vote_cast(actor=third, request=request, choice="ja")
    request.refresh_from_db()
    assert request.status == "goedgekeurd"
    assert [unread_count(u) for u in (first, second, third)] == [0, 0, 0]
    # The requester is told, once.
    assert unread_count(worker_a) == 1
    assert Notification.objects.get(user=worker_a).kind == NotificationKind.DECIDED
    # The compiled badge count and the notification list's condition agree.
    for user in (worker_a, first, second, third):
        assert unread_count(user) == unread(user).count()


def test_the_badge_and_the_notifications_page_agree(client, worker_a, voting):
    fund, (first, second, third) = voting
    request = submit(worker_a, fund, "120.00")
    for approver in (first, second, third):
        lifecycle.vote_cast(actor=approver, request=request, choice="ja")
    client.force_login(worker_a)
    start = client.get("/").content.decode()
    assert 'aria-label="1 nieuw"' in start and "Nieuw voor jou" in start
    page = client.get(reverse("home:notifications")).content.decode()
    assert page.count("db-card--new") == 1 and request.reference in page

    notification = Notification.objects.get(user=worker_a)
    response = client.get(reverse("home:notification-open", args=[notification.pk]))
    assert response["Location"] == reverse("proposals:detail", args=[request.pk])
    assert unread_count(worker_a) == 0
    assert 'aria-label="1 nieuw"' not in client.get("/").content.decode()


def test_someone_elses_notification_is_404(client, worker_a, voting):
    fund, (first, *_) = voting
    submit(worker_a, fund, "120.00")
    mine = Notification.objects.filter(user=first).first()
    client.force_login(worker_a)
    assert client.get(reverse("home:notification-open", args=[mine.pk])).status_code == 404


def test_mark_all_as_read_clears_news_but_not_a_vote_that_waits(client, worker_a, voting):
    fund, (first, second, third) = voting
    decided = submit(worker_a, fund, "120.00")
    for approver in (first, second, third):
        lifecycle.vote_cast(actor=approver, request=decided, choice="ja")
    submit(worker_a, fund, "80.00", case=decided.case)
    client.force_login(worker_a)
    assert unread_count(worker_a) == 1  # the decision
    client.post(reverse("home:notifications-read"))
    assert unread_count(worker_a) == 0
    client.force_login(first)
    assert unread_count(first) == 1  # the second request still waits for this vote
    client.post(reverse("home:notifications-read"))
    assert unread_count(first) == 1


def test_opening_a_vote_request_is_not_voting(client, worker_a, voting):
    fund, (first, *_) = voting
    request = submit(worker_a, fund, "120.00")
    client.force_login(first)
    notification = Notification.objects.get(user=first)
    client.get(reverse("home:notification-open", args=[notification.pk]))
    client.get(reverse("approvals:review", args=[request.pk]))
    assert unread_count(first) == 1
    lifecycle.vote_cast(actor=first, request=request, choice="ja")
    assert unread_count(first) == 0


def test_the_vote_email_links_to_the_vote_and_names_no_one(
    worker_a, voting, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://doorbraak.voorbeeldstad.example"
    fund, approvers = voting
    with django_capture_on_commit_callbacks(execute=True):
        request = submit(worker_a, fund, "120.00")
    assert len(mail.outbox) == 3
    body = mail.outbox[0].body
    link = f"https://doorbraak.voorbeeldstad.example/stemmen/{request.pk}/"
    assert link in body and request.reference in body
    assert "Koelkast" not in body and worker_a.last_name not in body


def test_no_without_a_comment_is_explained_once_next_to_the_field(client, worker_a, voting):
    fund, (first, *_) = voting
    request = submit(worker_a, fund, "120.00")
    client.force_login(first)
    response = client.post(reverse("approvals:vote", args=[request.pk]), {"choice": "nee"})
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("Licht je nee of je vraag toe") == 1
    assert 'aria-invalid="true"' in html and "autofocus" in html
    assert not request.votes.exists()


def test_a_withdrawn_request_asks_nobody_any_more(worker_a, voting):

    fund, approvers = voting
    request = submit(worker_a, fund, "120.00")
    assert [unread_count(u) for u in approvers] == [1, 1, 1]
    lifecycle.request_withdraw(actor=worker_a, request=request, reason="Niet nodig.")
    assert [unread_count(u) for u in approvers] == [0, 0, 0]


def test_a_vote_comment_reaches_other_approvers_anonymised(client, worker_a, voting):
    """Issue 11, finding 3: a comment naming the household is anonymised like the request
    text before approvers (who may be outside the case's team) read it."""
    fund, (first, second, _third) = voting
    request = submit(worker_a, fund, "120.00")
    member = request.case.household.members.first()
    name = f"{member.given_name} {member.family_name}".strip()
    lifecycle.vote_cast(
        actor=first, request=request, choice="vraag", comment=f"Is dit voor {name}?"
    )
    client.force_login(second)
    page = client.get(reverse("approvals:review", args=[request.pk])).content.decode()
    # As a word: a short given name ("Sam") may sit inside a menu word ("Samenwerken").
    assert not re.search(rf"\b{re.escape(member.given_name)}\b", page)
    assert name not in page
    assert "Is dit voor" in page
    api = client.get(f"/api/v1/approvals/{request.pk}/").json()
    assert all(member.given_name not in (v["comment"] or "") for v in api["votes"])
