"""Closing a request through its pages (issue 10, items 2 and 4): "Elders opgelost" and
"Voorstel intrekken" work for the requester, the key worker and the team leader, and are
neither shown to nor usable by anyone else who can see the request (403 on GET and POST)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from doorbraak.accounts.roles import Role
from doorbraak.cases import services as case_services
from doorbraak.privacy.models import AuditRecord
from doorbraak.proposals import lifecycle, services
from doorbraak.proposals.models import RequestStatus
from tests.factories import UserFactory
from tests.proposals.conftest import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(case, worker_a, category, ground):
    values = complete()
    values["amount"] = Decimal(values["amount"])
    return services.request_submit(
        actor=worker_a, case=case, category=category, legal_ground=ground, **values
    )


@pytest.fixture
def table_member(case, worker_a, team_b):
    """A Doorbraaktafel member from another team with explicit access to the case."""
    member = UserFactory(username="tafellid", role=Role.TAFELLID, team=team_b)
    case_services.access_grant(actor=worker_a, case=case, user=member, reason="Doorbraaktafel")
    return member


def urls(proposal):
    return [
        reverse("proposals:solved-otherwise", args=[proposal.pk]),
        reverse("proposals:withdraw", args=[proposal.pk]),
    ]


def test_solved_otherwise_works_for_the_requester(client, worker_a, proposal):
    client.force_login(worker_a)
    url = reverse("proposals:solved-otherwise", args=[proposal.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"alternative": "voorliggende-voorziening", "note": "Bijzondere bijstand betaalt."}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.SOLVED_OTHERWISE
    assert proposal.outcome_note == "Bijzondere bijstand betaalt."
    # The case's timeline says it was closed, and the request page says how.
    entry = proposal.case.timeline.order_by("-pk").first()
    assert entry.kind == "voorstel-afgesloten" and "elders opgelost" in entry.text
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "Elders opgelost (een voorliggende voorziening):</strong> Bijzondere bijstand" in page


def test_withdraw_works_and_refuses_an_empty_reason_next_to_the_field(client, worker_a, proposal):
    client.force_login(worker_a)
    url = reverse("proposals:withdraw", args=[proposal.pk])
    refused = client.post(url, {"reason": "   "})
    assert refused.status_code == 400
    page = refused.content.decode()
    assert 'href="#id_reason"' in page and 'role="alert"' in page
    assert client.post(url, {"reason": "Opgelost in het gesprek."}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.WITHDRAWN


def test_team_leader_may_close_a_colleagues_request(client, team_a, proposal):
    leader = UserFactory(username="leider", role=Role.TEAMLEIDER, team=team_a)
    client.force_login(leader)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert all(url in page for url in urls(proposal))
    assert client.get(urls(proposal)[1]).status_code == 200


@pytest.mark.parametrize("who", ["colleague", "table member"])
def test_others_who_can_see_it_get_no_links_and_403(
    client, colleague_a, table_member, proposal, who
):
    user = colleague_a if who == "colleague" else table_member
    client.force_login(user)
    page = client.get(reverse("proposals:detail", args=[proposal.pk]))
    assert page.status_code == 200
    assert not any(url in page.content.decode() for url in urls(proposal))
    for url in urls(proposal):
        assert client.get(url).status_code == 403
    assert client.post(urls(proposal)[1], {"reason": "weg ermee"}).status_code == 403
    assert (
        client.post(urls(proposal)[0], {"alternative": "zonder-kosten", "note": "x"}).status_code
        == 403
    )
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.SUBMITTED
    assert AuditRecord.objects.filter(actor=user, result="denied").count() == 4


def test_closed_request_shows_no_close_links(client, worker_a, proposal):
    lifecycle.request_withdraw(actor=worker_a, request=proposal, reason="Niet meer nodig.")
    client.force_login(worker_a)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert not any(url in page for url in urls(proposal))


def test_an_overlong_reason_is_refused_in_dutch(client, worker_a, proposal):
    client.force_login(worker_a)
    response = client.post(
        reverse("proposals:withdraw", args=[proposal.pk]),
        {"reason": "x" * 5000},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    assert "Maximaal 1.000 tekens (je gebruikte 5.000)." in response.content.decode()
