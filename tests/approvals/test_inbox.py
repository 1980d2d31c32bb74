"""The approval inbox pages through what waits, oldest first, so a busy approver's page stays
small and fast."""

import pytest
from django.urls import reverse

from tests.approvals.test_flow import submit
from tests.factories import UserFactory
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db


def test_the_inbox_shows_25_at_a_time_oldest_first(client, worker_a, team_a):
    fund = make_fund(team_a, name="Minimaatwerkbudget", budget_cents=10_000_000)
    approver = UserFactory(username="stemmer", team=team_a)
    requests = [submit(worker_a, fund, "10.00") for _ in range(27)]
    client.force_login(approver)

    first = client.get(reverse("approvals:inbox")).content.decode()
    second = client.get(reverse("approvals:inbox"), {"pagina": 2}).content.decode()

    def shown(page):
        return [r for r in requests if reverse("approvals:review", args=[r.pk]) + '"' in page]

    assert shown(first) == requests[:25]
    assert shown(second) == requests[25:]
    assert "Pagina 1 van 2" in first and "?pagina=2" in first
    assert "Pagina 2 van 2" in second and "?pagina=1" in second
