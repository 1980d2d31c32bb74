"""A batch that must not be paid as it is (issue 11, finding 1): "mark paid" refuses it as a
whole with a Dutch 409 instead of a 500, and cancelling it is the way out — its good orders
go into the next batch, those of closed requests lapse, and its files are no longer offered."""

import pytest
from django.urls import reverse

from doorbraak.accounts.roles import Role
from doorbraak.funds import ledger
from doorbraak.funds.models import BatchStatus, OrderStatus, PaymentBatch
from doorbraak.proposals import lifecycle
from doorbraak.proposals.models import RequestStatus
from tests.approvals.test_flow import SHOP_IBAN
from tests.factories import CaseFactory, UserFactory, api_for
from tests.funds.conftest import make_fund
from tests.funds.test_money_race import approved_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def stuck(team_a, worker_a):
    """A batch with two orders, one of whose requests was withdrawn behind its back (what the
    race of finding 1 used to leave behind)."""
    fund = make_fund(team_a, name="Potje", budget_cents=100_000)
    fund.debtor_iban = SHOP_IBAN
    fund.save()
    case = CaseFactory(actor=worker_a)
    good, bad = (approved_request(fund, worker_a, case, n) for n in (1, 2))
    batch = lifecycle.batch_create(fund=fund, actor=worker_a)
    ledger.release(fund_id=fund.pk, ref=bad.reference)
    bad.status = RequestStatus.WITHDRAWN
    bad.save(update_fields=["status"])
    leader = UserFactory(username="leider", role=Role.TEAMLEIDER, team=team_a)
    return fund, batch, good, bad, leader


def test_mark_paid_refuses_the_whole_batch_and_posts_nothing(stuck):
    fund, batch, good, bad, leader = stuck
    before = ledger.balances(fund.pk)
    with pytest.raises(lifecycle.MoneyConflict) as refused:
        lifecycle.batch_mark_paid(batch=batch, actor=leader)
    assert bad.reference in refused.value.message
    assert ledger.balances(fund.pk) == before
    batch.refresh_from_db()
    assert batch.status == BatchStatus.OPEN


def test_no_file_is_made_for_the_bank_while_a_closed_request_is_in_it(client, stuck):
    _fund, batch, _good, bad, leader = stuck
    for kind in ("pain001", "csv"):
        response = api_for(leader).get(f"/api/v1/payment-batches/{batch.pk}/{kind}/")
        assert response.status_code == 409 and bad.reference in response.json()["detail"]
    client.force_login(leader)
    page = client.get(reverse("funds:batch-file", args=[batch.pk, "xml"]), follow=True)
    assert b"<?xml" not in page.content and bad.reference in page.content.decode()


def test_the_api_answers_409_in_dutch(stuck):
    _fund, batch, _good, bad, leader = stuck
    response = api_for(leader).post(f"/api/v1/payment-batches/{batch.pk}/mark-paid/")
    assert response.status_code == 409
    assert bad.reference in response.json()["detail"]
    assert "Annuleer de batch" in response.json()["detail"]


def test_the_page_explains_instead_of_crashing(client, stuck):
    fund, batch, _good, bad, leader = stuck
    client.force_login(leader)
    response = client.post(reverse("funds:batch-paid", args=[batch.pk]), follow=True)
    assert response.status_code == 200
    assert bad.reference in response.content.decode()
    assert "Annuleer de batch" in response.content.decode()


def test_cancelling_reopens_the_good_orders_for_the_next_batch(client, stuck):
    fund, batch, good, bad, leader = stuck
    client.force_login(leader)
    page = client.get(reverse("funds:batch-cancel", args=[batch.pk]))
    assert page.status_code == 200 and "Waarom wordt de batch geannuleerd?" in page.content.decode()
    empty = client.post(reverse("funds:batch-cancel", args=[batch.pk]), {"reason": " "})
    assert empty.status_code == 400
    batch.refresh_from_db()
    assert batch.status == BatchStatus.OPEN
    done = client.post(
        reverse("funds:batch-cancel", args=[batch.pk]), {"reason": "Bank weigerde het bestand"}
    )
    assert done.status_code == 302
    batch.refresh_from_db()
    assert (batch.status, batch.cancelled_by, batch.cancel_reason) == (
        BatchStatus.CANCELLED,
        leader,
        "Bank weigerde het bestand",
    )
    assert good.payment_orders.get().status == OrderStatus.OPEN
    assert bad.payment_orders.get().status == OrderStatus.CANCELLED
    # The cancelled batch's files are not offered any more, on the page or in the API.
    detail = client.get(reverse("funds:detail", args=[fund.pk])).content.decode()
    assert reverse("funds:batch-file", args=[batch.pk, "xml"]) not in detail
    assert client.get(reverse("funds:batch-file", args=[batch.pk, "xml"])).status_code == 302
    assert api_for(leader).get(f"/api/v1/payment-batches/{batch.pk}/pain001/").status_code == 409
    # The next batch holds the good order only, and it can be paid.
    again = lifecycle.batch_create(fund=fund, actor=leader)
    assert [o.request_id for o in again.orders.all()] == [good.pk]
    lifecycle.batch_mark_paid(batch=again, actor=leader)
    good.refresh_from_db()
    assert good.status == RequestStatus.PAID
    assert ledger.balances(fund.pk) == ledger.replayed_balances(fund.pk)


def test_cancel_through_the_api_and_not_twice_after_payment(stuck):
    _fund, batch, _good, _bad, leader = stuck
    api = api_for(leader)
    assert api.post(f"/api/v1/payment-batches/{batch.pk}/cancel/", {}).status_code == 400
    response = api.post(
        f"/api/v1/payment-batches/{batch.pk}/cancel/", {"reason": "Fout in het bestand"}
    )
    assert response.status_code == 200 and response.json()["status"] == "geannuleerd"
    paid = PaymentBatch.objects.get(pk=batch.pk)
    assert api.post(f"/api/v1/payment-batches/{paid.pk}/mark-paid/").status_code == 409


def test_a_paid_batch_cannot_be_cancelled(team_a, worker_a):
    fund = make_fund(team_a, name="Potje", budget_cents=100_000)
    fund.debtor_iban = SHOP_IBAN
    fund.save()
    approved_request(fund, worker_a, CaseFactory(actor=worker_a), 1)
    batch = lifecycle.batch_create(fund=fund, actor=worker_a)
    lifecycle.batch_mark_paid(batch=batch, actor=worker_a)
    with pytest.raises(lifecycle.MoneyConflict):
        lifecycle.batch_cancel(batch=batch, actor=worker_a, reason="Te laat")
