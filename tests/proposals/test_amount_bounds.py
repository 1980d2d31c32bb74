"""Issue 11, finding 4: no accepted amount can make a later read fail. Every derived total
fits the fields that store and show it (API total: 14 digits, 2 decimals; ledger: cents in a
64-bit integer)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.proposals import rules
from doorbraak.proposals.models import Request
from tests.factories import api_for
from tests.proposals.conftest import complete


def draft(amount, frequency, months):
    return rules.RequestDraft(
        amount=amount,
        frequency=frequency,
        months=months,
        supplier_name="Witgoed (demo)",
        supplier_iban_valid=True,
        supplier_iban="NL91ABNA0417164300",
        prior_provisions=("geen",),
        recurrence_prevention="Eenmalig.",
        has_legal_ground=True,
        legitimacy="ja",
        legitimacy_na="",
        involvement="ja",
        involvement_na="",
        societal_return="ja",
        societal_return_na="",
        has_calculation=True,
        calculation_required_from=Decimal("500"),
        small=True,
    )


@given(
    amount=st.decimals(
        min_value=0, max_value=Decimal("9999999999.99"), allow_nan=False, allow_infinity=False
    ),
    frequency=st.sampled_from(["eenmalig", "maandelijks"]),
    months=st.integers(min_value=1, max_value=rules.MAX_MONTHS),
)
def test_every_accepted_request_has_a_total_that_fits(amount, frequency, months):
    request = draft(amount, frequency, months)
    problems = rules.check_request(request)
    if any(field == "amount" for field, _ in problems):
        return
    total = rules.total(request)
    assert total == total.quantize(Decimal("0.01"))
    assert len(str(int(total))) <= 12  # 14 digits with 2 decimals
    assert int(total * 100) < 2**63


def test_amounts_above_the_bound_or_below_a_cent_are_refused():
    assert ("amount", "amount_out_of_range") in rules.check_request(
        draft(Decimal("1000000.01"), "eenmalig", 1)
    )
    assert ("amount", "amount_out_of_range") in rules.check_request(
        draft(Decimal("10.005"), "eenmalig", 1)
    )
    assert rules.check_request(draft(Decimal("1000000.00"), "maandelijks", 120)) == []


@pytest.mark.django_db
def test_the_api_refuses_a_huge_monthly_amount_and_the_list_still_reads(worker_a, case_a):
    api = api_for(worker_a)
    body = {
        **complete(),
        "case": case_a.pk,
        "category": "wonen",
        "amount": "9999999999.99",
        "frequency": "maandelijks",
        "months": 120,
    }
    response = api.post("/api/v1/requests/", body, format="json", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert "1.000.000,00" in str(response.json()["amount"])
    assert not Request.objects.exists()
    assert api.get("/api/v1/requests/").status_code == 200
