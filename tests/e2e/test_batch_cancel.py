"""A team leader finds a batch that cannot be paid (a request in it was withdrawn behind its
back), reads why on the fund page, and cancels it with a reason; the good payment is due again.
On a phone, with the layout and accessibility checks, including the form with an error."""

import pytest
from playwright.sync_api import expect

from doorbraak.accounts.roles import Role
from doorbraak.funds import ledger
from doorbraak.funds.models import BatchStatus, PaymentBatch
from doorbraak.proposals import lifecycle
from doorbraak.proposals.models import RequestStatus
from tests.approvals.test_flow import SHOP_IBAN
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import CaseFactory, UserFactory
from tests.funds.conftest import make_fund
from tests.funds.test_money_race import approved_request

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_stuck_batch_is_explained_and_cancelled(live_server, phone_page, team_a, worker_a):
    fund = make_fund(team_a, name="Minimaatwerkbudget", budget_cents=100_000)
    fund.debtor_iban = SHOP_IBAN
    fund.save()
    case = CaseFactory(actor=worker_a)
    good, bad = (approved_request(fund, worker_a, case, n) for n in (1, 2))
    batch = lifecycle.batch_create(fund=fund, actor=worker_a)
    ledger.release(fund_id=fund.pk, ref=bad.reference)
    bad.status = RequestStatus.WITHDRAWN
    bad.save(update_fields=["status"])
    leader = UserFactory(username="leider", role=Role.TEAMLEIDER, team=team_a)

    page = phone_page
    log_in(page, live_server, leader)
    page.goto(f"{live_server.url}/potjes/{fund.pk}/")
    page.get_by_role("button", name="Markeren als betaald").click()
    expect(page.get_by_text("Annuleer de batch en maak een nieuwe")).to_be_visible()
    assert bad.reference in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Batch annuleren").click()
    page.get_by_role("button", name="Batch annuleren").click()
    summary = page.get_by_role("heading", name="Niet opgeslagen: verbeter het volgende")
    expect(summary).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Waarom wordt de batch geannuleerd?").fill("Voorstel ingetrokken na batch")
    page.get_by_role("button", name="Batch annuleren").click()
    expect(page.get_by_text("de betalingen komen in de volgende batch")).to_be_visible()
    expect(page.get_by_text("1 betaling staat klaar")).to_be_visible()
    assert_accessible(page)
    assert PaymentBatch.objects.get(pk=batch.pk).status == BatchStatus.CANCELLED
    assert good.payment_orders.get().status == "open"
    assert page.js_errors == []
