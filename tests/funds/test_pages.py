"""The funds page: utilisation for the team, outcomes, and batches for who handles money."""

from decimal import Decimal

import pytest
from django.urls import reverse
from stdnum import iban

from doorbraak.accounts.roles import Role
from doorbraak.funds.models import PaymentBatch
from doorbraak.proposals import lifecycle
from tests.approvals.test_flow import submit
from tests.factories import UserFactory
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(team_a, worker_a):
    fund = make_fund(team_a, name="Minimaatwerkbudget", budget_cents=250_000)
    fund.debtor_iban = "NL" + iban.calc_check_digits("NL00DEMO0000000001") + "DEMO0000000001"
    fund.save()
    colleagues = [UserFactory(username=f"c{i}", team=team_a) for i in range(3)]
    paid = submit(worker_a, fund, "350.00")
    for colleague in colleagues:
        lifecycle.vote_cast(actor=colleague, request=paid, choice="ja")
    other = submit(worker_a, fund, "60.00")
    lifecycle.request_solve_otherwise(
        actor=worker_a,
        request=other,
        alternative="ander-fonds",
        note="Fonds voor schoolkosten betaalde.",
    )
    leader = UserFactory(username="leider", role=Role.TEAMLEIDER, team=team_a)
    return fund, leader


def test_team_sees_utilisation_and_outcomes(client, worker_a, setup):
    fund, _leader = setup
    client.force_login(worker_a)
    listing = client.get(reverse("funds:list")).content.decode()
    assert "Minimaatwerkbudget" in listing and "2.150,00" in listing
    response = client.get(reverse("funds:detail", args=[fund.pk]))
    page = response.content.decode()
    assert "€ 350,00" in page  # reserved
    assert (response.context["solved_otherwise"], response.context["total_requests"]) == (1, 2)
    assert "Huisraad" in page  # spending by category
    assert reverse("funds:batch-new", args=[fund.pk]) not in page


def test_other_team_does_not_see_the_fund(client, worker_b, setup):
    fund, _ = setup
    client.force_login(worker_b)
    assert client.get(reverse("funds:detail", args=[fund.pk])).status_code == 404


def test_team_leader_makes_a_batch_downloads_files_and_marks_it_paid(client, worker_a, setup):
    fund, leader = setup
    client.force_login(worker_a)
    # Who does not handle the fund's money gets a 404, as for a fund they cannot see.
    assert client.post(reverse("funds:batch-new", args=[fund.pk])).status_code == 404
    client.force_login(leader)
    client.post(reverse("funds:batch-new", args=[fund.pk]))
    batch = PaymentBatch.objects.get()
    xml = client.get(reverse("funds:batch-file", args=[batch.pk, "xml"]))
    assert xml["Content-Type"] == "application/xml" and b"<CtrlSum>350.00</CtrlSum>" in xml.content
    csv = client.get(reverse("funds:batch-file", args=[batch.pk, "csv"])).content.decode()
    assert "350.00" in csv
    # An export kind that does not exist is a 404, not a server error (issue 11, finding 5).
    assert client.get(reverse("funds:batch-file", args=[batch.pk, "pdf"])).status_code == 404
    client.post(reverse("funds:batch-paid", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == "betaald"
    assert fund.requests.get(amount=Decimal("350.00")).status == "betaald"
