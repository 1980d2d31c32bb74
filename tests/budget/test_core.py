"""The pure core: amounts typed in Dutch or plain notation, the beslagvrije voet and the
payment capacity, and the multi-creditor plan's properties under hypothesis."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doorbraak.budget import capacity as core
from doorbraak.budget.money import AmountError, parse_amount
from doorbraak.budget.plan import MAX_MONTHS, Debt, PlanError, allocate, make_plan

D = Decimal


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,56", D("1234.56")),
        ("1234.56", D("1234.56")),
        ("1234,56", D("1234.56")),
        ("1234", D("1234.00")),
        ("€ 1.234.567,8", D("1234567.80")),
        ("0,5", D("0.50")),
        (" 12 ", D("12.00")),
    ],
)
def test_amounts_in_dutch_and_plain_notation(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1,234", "ambiguous"),
        ("1.234", "ambiguous"),
        ("12.345", "ambiguous"),
        ("1,234.56", "invalid"),
        ("1.2.3", "invalid"),
        ("12,345,6", "invalid"),
        ("1234.567", "invalid"),
        ("abc", "invalid"),
        ("", "invalid"),
        ("-5", "negative"),
        ("NaN", "invalid"),
        ("99999999999", "too_large"),
    ],
)
def test_bad_amounts_are_refused(text, code):
    with pytest.raises(AmountError) as refused:
        parse_amount(text)
    assert refused.value.code == code


NORM = core.Norm(amount=D("1369.06"), housing_threshold=D("477.20"), health_allowance=D("131.00"))


def test_voet_is_95_percent_of_the_norm_with_corrections():
    result = core.compute(
        NORM,
        [core.Line(core.WAGES, D("2000.00")), core.Line(core.HEALTH_ALLOWANCE, D("100.00"))],
        [core.Line(core.HOUSING, D("700.00"))],
    )
    assert result.base == D("1300.61")  # 0.95 × 1369.06 = 1300.607
    assert result.housing_correction == D("222.80")  # 700 − 477.20
    assert result.health_correction == D("0.00")  # receives zorgtoeslag
    assert result.voet == D("1523.41")
    assert result.capacity == D("476.59")
    assert result.other_income == D("100.00")  # zorgtoeslag is not attachable


def test_no_zorgtoeslag_raises_the_voet_and_huurtoeslag_lowers_housing_costs():
    result = core.compute(
        NORM,
        [core.Line(core.BENEFIT, D("1500.00")), core.Line(core.HOUSING_ALLOWANCE, D("250.00"))],
        [core.Line(core.HOUSING, D("700.00"))],
    )
    assert result.housing_correction == D("0.00")  # 700 − 250 = 450 < 477.20
    assert result.health_correction == D("131.00")
    assert result.capacity == D("68.39")  # 1500 − (1300.61 + 131)


def test_capacity_is_never_negative():
    result = core.compute(NORM, [core.Line(core.BENEFIT, D("900.00"))], [])
    assert result.capacity == D("0.00")


money = st.decimals(min_value=0, max_value=20000, places=2, allow_nan=False)
norms = st.builds(
    core.Norm,
    amount=st.decimals(min_value=1, max_value=5000, places=2),
    housing_threshold=st.decimals(min_value=0, max_value=2000, places=2),
    health_allowance=st.decimals(min_value=0, max_value=500, places=2),
)
incomes = st.lists(st.builds(core.Line, st.sampled_from(core.INCOME_KINDS), money), max_size=6)
costs = st.lists(st.builds(core.Line, st.sampled_from(core.COST_KINDS), money), max_size=6)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(norms, incomes, costs)
def test_capacity_leaves_at_least_the_voet(norm, income_lines, cost_lines):
    result = core.compute(norm, income_lines, cost_lines)
    assert result.capacity >= 0
    assert result.voet >= core.cents(norm.amount * D("0.95"))
    if result.capacity > 0:
        assert result.income - result.capacity == result.voet
    else:
        assert result.income <= result.voet
    assert result.capacity == result.capacity.quantize(D("0.01"))


debts = st.lists(
    st.builds(
        Debt,
        key=st.uuids(),
        amount=st.decimals(min_value=D("0.01"), max_value=50000, places=2),
        priority=st.booleans(),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    capacity=st.decimals(min_value=0, max_value=5000, places=2),
    debt_list=debts,
    months=st.integers(min_value=1, max_value=MAX_MONTHS),
    priority_first=st.booleans(),
)
def test_plan_properties(capacity, debt_list, months, priority_first):
    plan = make_plan(capacity, debt_list, months=months, priority_first=priority_first)
    assert plan.months <= months <= MAX_MONTHS
    owed = sum(d.amount for d in debt_list)
    for month in range(plan.months):
        total = plan.month_total(month)
        assert total <= capacity  # never more than the capacity per month
        assert total >= 0
    month_sum = sum((plan.month_total(m) for m in range(plan.months)), D("0"))
    assert month_sum == plan.total  # totals exact
    assert plan.total == min(owed, capacity * months)
    for share, debt in zip(plan.shares, debt_list, strict=True):
        assert len(share.monthly) == plan.months
        assert share.paid <= debt.amount  # no creditor paid more than owed
        assert all(a >= 0 and a == a.quantize(D("0.01")) for a in share.monthly)
    if plan.months:
        # Every month but the last pays the whole capacity: nothing is held back.
        for month in range(plan.months - 1):
            assert plan.month_total(month) == capacity
    if priority_first:
        for month in range(plan.months):
            paid_other = any(not s.priority and s.monthly[month] > 0 for s in plan.shares)
            if paid_other:  # only when every priority debt is paid off
                left = [s for s in plan.shares if s.priority]
                assert all(sum(s.monthly[: month + 1]) == s.owed for s in left)


@given(
    total=st.integers(min_value=0, max_value=10**7),
    rows=st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=10**6), st.integers(min_value=0, max_value=10**6)
        ),
        min_size=1,
        max_size=10,
    ),
)
def test_allocate_adds_up_and_respects_caps(total, rows):
    weights = [w for w, _c in rows]
    caps = [c for _w, c in rows]
    parts = allocate(total, weights, caps)
    assert sum(parts) == min(total, sum(caps))
    assert all(0 <= p <= c for p, c in zip(parts, caps, strict=True))


def test_pro_rata_with_largest_remainder():
    # 100.00 over 1/3 each: 33.34 + 33.33 + 33.33, the extra cent to the first.
    plan = make_plan(D("100.00"), [Debt(i, D("300.00")) for i in range(3)], months=1)
    assert [s.monthly[0] for s in plan.shares] == [D("33.34"), D("33.33"), D("33.33")]


def test_priority_debts_first_when_chosen():
    debts = [Debt("huur", D("150.00"), True), Debt("winkel", D("300.00"))]
    plan = make_plan(D("100.00"), debts, months=3, priority_first=True)
    assert [list(s.monthly) for s in plan.shares] == [
        [D("100.00"), D("50.00"), D("0.00")],
        [D("0.00"), D("50.00"), D("100.00")],
    ]


@pytest.mark.parametrize("months", [0, 37, -1, True, 3.5])
def test_plan_months_between_1_and_36(months):
    with pytest.raises(PlanError) as refused:
        make_plan(D("10"), [Debt(1, D("5"))], months=months)
    assert refused.value.code == "months"


def test_stops_when_everything_is_paid():
    plan = make_plan(D("50.00"), [Debt(1, D("120.00"))], months=36)
    assert plan.months == 3
    assert list(plan.shares[0].monthly) == [D("50.00"), D("50.00"), D("20.00")]
