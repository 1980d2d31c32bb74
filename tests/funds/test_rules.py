import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.funds.rules import FundTerms, RequestTerms, check_fit

DAY = datetime.date(2026, 6, 1)
MINIMAATWERK = FundTerms(
    active=True,
    period_start=datetime.date(2026, 1, 1),
    period_end=datetime.date(2026, 12, 31),
    ceiling_per_request=Decimal("500.00"),
    ceiling_per_household=None,
    categories=frozenset(),
    recurring_allowed=False,
    free=Decimal("2500.00"),
)


def fit(total, fund=MINIMAATWERK, **extra):
    terms = {"total": Decimal(total), "category": "schulden", "recurring": False, "day": DAY}
    terms.update(extra)
    return [code for code, _ in check_fit(fund, RequestTerms(**terms))]


def test_s3_ceiling_boundary():
    assert fit("500.00") == []
    assert fit("500.01") == ["above_ceiling"]


def test_household_ceiling_counts_what_was_spent_this_period():
    fund = FundTerms(**{**MINIMAATWERK.__dict__, "ceiling_per_household": Decimal("750.00")})
    assert fit("250.00", fund, household_spent=Decimal("500.00")) == []
    assert fit("250.01", fund, household_spent=Decimal("500.00")) == ["household_ceiling"]


def test_category_recurring_period_and_free_budget():
    fund = FundTerms(**{**MINIMAATWERK.__dict__, "categories": frozenset({"wonen"})})
    assert fit("10", fund) == ["category"]
    assert fit("10", recurring=True) == ["recurring"]
    assert fit("10", day=datetime.date(2027, 1, 1)) == ["fund_closed"]
    assert fit("10", FundTerms(**{**MINIMAATWERK.__dict__, "active": False})) == ["fund_closed"]
    assert fit("300", FundTerms(**{**MINIMAATWERK.__dict__, "free": Decimal("299.99")})) == [
        "insufficient"
    ]


@given(st.decimals(min_value=0, max_value=10_000, places=2))
def test_ceiling_is_exactly_the_boundary(total):
    assert ("above_ceiling" in fit(total)) == (total > Decimal("500.00"))
