"""The pages a professional reads show Dutch numbers, amounts, months and role names: the
case timeline, the requests on a case, the funds, and the cost-benefit calculator."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from doorbraak.accounts.models import User
from doorbraak.cases.models import EntryKind, TimelineEntry

pytestmark = pytest.mark.django_db

ENGLISH_AMOUNT = re.compile(r"€\s?-?\d+\.\d{2}(?![\d,])")  # "€ 350.00", "€ 7500.00"
CAPITAL_MONTH = re.compile(r"\b\d{1,2} (Jan|Feb|Mrt|Apr|Mei|Jun|Jul|Aug|Sep|Okt|Nov|Dec)\b")
DUTCH_MONTH = re.compile(
    r"\b\d{1,2} (jan\.|feb\.|mrt\.|apr\.|mei|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) \d{4}"
)


def check_dutch(page: str) -> None:
    assert not ENGLISH_AMOUNT.search(page), ENGLISH_AMOUNT.search(page).group(0)
    assert not CAPITAL_MONTH.search(page), CAPITAL_MONTH.search(page).group(0)
    assert "manager-wi" not in page


@pytest.fixture
def demo(client):
    call_command("load_demo", "--force", stdout=StringIO())
    worker = User.objects.get(username="demo-gezinswerker")
    client.force_login(worker)
    return client, worker


def test_case_page_shows_amounts_dates_and_requests_in_dutch(demo):
    from doorbraak.proposals.models import Request

    client, worker = demo
    fridge = Request.objects.get(supplier_name__startswith="Witgoedzaak")
    # A timeline row written before amounts were formatted at write time.
    TimelineEntry.objects.create(
        case=fridge.case, actor=worker, kind=EntryKind.REQUEST, text="V-0: Oud voorstel (€ 7500.00)"
    )
    page = client.get(reverse("cases:detail", args=[fridge.case_id])).content.decode()
    check_dutch(page)
    assert "350.00" not in page and "7500.00" not in page
    assert "(€ 350,00)" in page  # the request on the timeline, written in Dutch
    assert "Oud voorstel (€ 7.500,00)" in page  # the old row, read in Dutch
    assert DUTCH_MONTH.search(page)


def test_funds_pages_show_dutch_amounts_and_months(demo):
    from doorbraak.funds.models import Fund

    client, _worker = demo
    listing = client.get(reverse("funds:list")).content.decode()
    check_dutch(listing)
    assert "€ 2.500,00" in listing
    fund = Fund.objects.get(name__startswith="Minimaatwerkbudget")
    page = client.get(reverse("funds:detail", args=[fund.pk])).content.decode()
    check_dutch(page)
    assert "€ 500,00" in page and DUTCH_MONTH.search(page)


def test_calculator_shows_dutch_figures_percentages_and_amounts(demo):
    client, _worker = demo
    url = reverse("costbenefit:calculator")
    page = client.get(url).content.decode()
    check_dutch(page)
    assert "€ 7.500,00 per casus" in page
    response = client.post(
        url,
        {
            "horizon_months": "12",
            "solution-TOTAL_FORMS": "1",
            "solution-INITIAL_FORMS": "0",
            "solution-0-label": "Huur overbruggen",
            "solution-0-amount": "900.00",
            "solution-0-per": "once",
            "avoided-TOTAL_FORMS": "1",
            "avoided-INITIAL_FORMS": "0",
            "avoided-0-figure": "huisuitzetting_direct",
            "avoided-0-quantity": "1",
            "avoided-0-probability": "0.5",
            "avoided-0-per": "once",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    check_dutch(page)
    assert "€ 900,00" in page and "€ 9.825,45" in page and "× 1,3101" in page
    assert ">50 %<" in page  # the probability of the avoided cost
    # break-even: 900.00 / 9,825.45 = 0.0916, read as a percentage
    assert "9,2 %" in page and "0.0916" not in page
