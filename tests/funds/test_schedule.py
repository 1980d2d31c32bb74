"""Due dates of an approved request's payments: never before the decision, end of month kept."""

import calendar
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.funds.schedule import add_months, due_dates
from doorbraak.proposals import lifecycle

days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2200, 12, 31))
months = st.integers(min_value=0, max_value=120)


@given(days, months)
def test_a_due_date_is_never_before_the_decision(decision, n):
    due = add_months(decision, n)
    assert due >= decision
    assert (due.year - decision.year) * 12 + due.month - decision.month == n


@given(days, months)
def test_the_day_is_kept_or_capped_at_the_end_of_a_shorter_month(decision, n):
    due = add_months(decision, n)
    last = calendar.monthrange(due.year, due.month)[1]
    assert due.day == min(decision.day, last)


@given(days, st.integers(min_value=1, max_value=60))
def test_the_schedule_starts_on_the_decision_and_rises_month_by_month(decision, count):
    dates = due_dates(decision, count)
    assert len(dates) == count
    assert dates[0] == decision
    assert all(a < b for a, b in zip(dates, dates[1:], strict=False))


@pytest.mark.parametrize(
    "decision, n, due",
    [
        (datetime.date(2026, 11, 30), 0, datetime.date(2026, 11, 30)),
        (datetime.date(2026, 11, 30), 1, datetime.date(2026, 12, 30)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 1, 31), 1, datetime.date(2027, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2027, 1, 31), 2, datetime.date(2027, 3, 31)),
        (datetime.date(2026, 12, 15), 1, datetime.date(2027, 1, 15)),
    ],
)
def test_known_dates(decision, n, due):
    assert add_months(decision, n) == due


def test_negative_months_are_refused():
    with pytest.raises(ValueError):
        add_months(datetime.date(2026, 1, 1), -1)


@pytest.mark.django_db
def test_payments_of_a_request_approved_on_30_november_fall_due_from_that_day(
    monkeypatch, team_a, worker_a
):
    from django.utils import timezone

    from tests.approvals.test_flow import SHOP_IBAN, submit
    from tests.factories import UserFactory
    from tests.funds.conftest import make_fund

    decision = datetime.date(2026, 11, 30)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: decision)
    fund = make_fund(team_a, recurring_allowed=True, debtor_iban=SHOP_IBAN)
    request = submit(worker_a, fund, "90.00", frequency="maandelijks", months=4)
    for i in range(3):
        voter = UserFactory(username=f"stemmer{i}", team=team_a)
        lifecycle.vote_cast(actor=voter, request=request, choice="ja")
    dues = list(request.payment_orders.order_by("sequence").values_list("due_date", flat=True))
    assert dues == [
        datetime.date(2026, 11, 30),
        datetime.date(2026, 12, 30),
        datetime.date(2027, 1, 30),
        datetime.date(2027, 2, 28),
    ]
    assert min(dues) >= decision


@pytest.mark.django_db
def test_the_fund_page_counts_what_a_batch_takes_now_and_the_instalments_apart(
    client, team_a, worker_a, settings
):
    """ "26 betalingen staan klaar" counted the later instalments too, the batch took one, and
    the password check asked for € 10.400 before a € 400 batch (found by an exploratory
    test). The page counts what a batch made now takes, the later instalments apart, and the
    re-authentication weighs that same amount."""
    from decimal import Decimal

    from doorbraak.accounts.roles import Role
    from tests.approvals.test_flow import SHOP_IBAN, submit
    from tests.factories import UserFactory
    from tests.funds.conftest import make_fund

    settings.DOORBRAAK_REAUTH_ABOVE = Decimal("150")
    fund = make_fund(team_a, recurring_allowed=True, debtor_iban=SHOP_IBAN)
    request = submit(worker_a, fund, "100.00", frequency="maandelijks", months=4)
    for i in range(3):
        voter = UserFactory(username=f"stemmer{i}", team=team_a)
        lifecycle.vote_cast(actor=voter, request=request, choice="ja")
    assert lifecycle.batchable_orders(fund).count() == 1
    leader = UserFactory(username="leider-b", role=Role.TEAMLEIDER, team=team_a)
    client.force_login(leader)
    page = client.get(f"/potjes/{fund.pk}/").content.decode()
    assert "1 betaling staat klaar. 3 termijnen vallen later." in page
    made = client.post(f"/potjes/{fund.pk}/batch/")
    assert made.status_code == 302 and "/bevestigen/" not in made.url  # € 100 < € 150
    page = client.get(f"/potjes/{fund.pk}/").content.decode()
    assert "0 betalingen staan klaar. 3 termijnen vallen later." in page
    assert "Betaalbatch maken" not in page
