"""Unit and property tests of the pure-Python cost-benefit calculator. No database: figures
and the index are built here, or read from the shipped CSVs through `defaults`."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from doorbraak.costbenefit import calculator
from doorbraak.costbenefit.calculator import (
    MONTH,
    ONCE,
    PER_CASE,
    PER_MONTH,
    PER_YEAR,
    AvoidedItem,
    CalculationError,
    Figure,
    PriceIndex,
    Probability,
    SolutionItem,
    calculate,
    money,
    to_decimal,
)
from doorbraak.costbenefit.defaults import default_figures, default_index

D = Decimal
CENT = D("0.01")

SHIPPED_INDEX = PriceIndex({row["year"]: row["index"] for row in default_index()})
SHIPPED = {row["key"]: Figure(**row) for row in default_figures()}

#: A small catalogue with every unit, an old, a recent and a "newer than the index" year.
CATALOGUE = {
    "jaar": Figure("jaar", "Opvang per jaar", D("12345.67"), PER_YEAR, 2011, "test", "gemeente"),
    "maand": Figure("maand", "Uitkering per maand", D("987.65"), PER_MONTH, 2019, "test", "uwv"),
    "geval": Figure(
        "geval", "Huisuitzetting", D("7500"), PER_CASE, 2014, "test", "woningcorporatie"
    ),
    "nieuw": Figure("nieuw", "Bijstand", D("1345.45"), PER_MONTH, 2025, "test", "gemeente"),
}
PAYERS = ["gemeente", "woningcorporatie", "zorgverzekeraar", "uwv", "meerdere"]

FAST = settings(deadline=None, max_examples=100)


def calc(*, horizon=24, solution=(), avoided=(), catalogue=None, index=None, target_year=None):
    return calculate(
        horizon_months=horizon,
        solution=list(solution),
        avoided=list(avoided),
        catalogue=CATALOGUE if catalogue is None else catalogue,
        index=SHIPPED_INDEX if index is None else index,
        target_year=target_year,
    )


def certain(value="1"):
    return Probability.exactly(D(value))


def money_values(result):
    """Every money value a result exposes."""
    values = [
        result.cost,
        result.avoided,
        result.avoided_low,
        result.avoided_high,
        result.avoided_if_certain,
        result.net,
        result.net_low,
        result.net_high,
    ]
    for line in result.lines:
        values += [line.base, line.expected, line.low, line.high]
        if line.figure:
            values.append(line.figure.indexed_amount)
    for totals in result.by_payer.values():
        values += [totals.cost, totals.avoided, totals.net]
    return values


# --- strategies ------------------------------------------------------------------------------

amounts = st.decimals(
    min_value=0, max_value=D("100000"), places=2, allow_nan=False, allow_infinity=False
)
probabilities = st.decimals(
    min_value=0, max_value=1, places=4, allow_nan=False, allow_infinity=False
)
probability_ranges = st.tuples(probabilities, probabilities).map(
    lambda pair: Probability(min(pair), max(pair))
)
payers = st.sampled_from(PAYERS)
horizons = st.integers(min_value=1, max_value=calculator.MAX_HORIZON_MONTHS)


def quantities(unit, horizon):
    """A quantity of `unit` that stays within the horizon (cases are not limited)."""
    if unit == PER_YEAR:
        return st.integers(0, horizon * 100 // 12).map(lambda k: D(k) / 100)
    if unit == PER_MONTH:
        return st.integers(0, horizon * 100).map(lambda k: D(k) / 100)
    return st.decimals(min_value=0, max_value=50, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def solution_items(draw, horizon):
    per = draw(st.sampled_from([ONCE, MONTH]))
    months = draw(st.none() | st.integers(1, horizon)) if per == MONTH else None
    return SolutionItem(
        label=draw(st.sampled_from(["", "ticket", "huur"])),
        amount=draw(amounts),
        per=per,
        months=months,
        payer=draw(payers),
    )


@st.composite
def explicit_avoided_items(draw, horizon, probability=probability_ranges):
    per = draw(st.sampled_from([ONCE, MONTH]))
    months = draw(st.none() | st.integers(1, horizon)) if per == MONTH else None
    return AvoidedItem(
        probability=draw(probability),
        label=draw(st.sampled_from(["", "extra zorg"])),
        amount=draw(amounts),
        per=per,
        months=months,
        payer=draw(st.none() | payers),
    )


@st.composite
def figure_avoided_items(draw, horizon):
    key = draw(st.sampled_from(sorted(CATALOGUE)))
    return AvoidedItem(
        probability=draw(probability_ranges),
        figure=key,
        quantity=draw(quantities(CATALOGUE[key].unit, horizon)),
        payer=draw(st.none() | payers),
    )


def avoided_items(horizon):
    return explicit_avoided_items(horizon) | figure_avoided_items(horizon)


@st.composite
def scenarios(draw):
    horizon = draw(horizons)
    solution = draw(st.lists(solution_items(horizon), max_size=4))
    avoided = draw(st.lists(avoided_items(horizon), max_size=6))
    return horizon, solution, avoided


# --- 1. exact decimal arithmetic ------------------------------------------------------------


def test_a_once_solution_costs_exactly_its_amount():
    result = calc(solution=[SolutionItem("ticket", D("250.00"))])
    assert result.cost == D("250.00")
    assert result.by_payer == {"gemeente": calculator.PayerTotals(cost=D("250.00"))}
    assert result.net == D("-250.00")


def test_a_monthly_solution_is_amount_times_months():
    result = calc(horizon=36, solution=[SolutionItem("huur", D("400.00"), MONTH, months=26)])
    assert result.cost == D("10400.00")
    assert result.lines[0].base == result.lines[0].expected == D("10400.00")


def test_a_monthly_solution_without_months_runs_the_whole_horizon():
    result = calc(horizon=18, solution=[SolutionItem("huur", D("400.00"), MONTH)])
    assert result.cost == D("7200.00")


def test_shipped_figure_is_indexed_from_2011_to_2024_and_rounded_per_line():
    figure = SHIPPED["maatschappelijke_opvang_dakloos"]
    assert (figure.amount, figure.unit, figure.price_year) == (D("23236"), PER_YEAR, 2011)
    result = calc(
        catalogue=SHIPPED,
        avoided=[
            AvoidedItem(certain("0.6"), figure="maatschappelijke_opvang_dakloos", quantity=D("0.5"))
        ],
    )
    index = SHIPPED_INDEX.values
    indexed = (D("23236") * index[2024] / index[2011]).quantize(CENT, rounding=ROUND_HALF_UP)
    assert indexed == D("32299.23")
    line = result.lines[0]
    assert result.price_year == 2024
    assert line.figure.indexed_amount == indexed
    assert line.figure.factor == index[2024] / index[2011]
    assert line.base == (indexed * D("0.5")).quantize(CENT, ROUND_HALF_UP) == D("16149.62")
    assert line.expected == (indexed * D("0.5") * D("0.6")).quantize(CENT, ROUND_HALF_UP)
    assert line.expected == D("9689.77")
    assert result.avoided == D("9689.77")
    assert line.payer == "gemeente"
    assert line.label == figure.label


def test_the_api_contract_example_by_hand():
    result = calc(
        catalogue=SHIPPED,
        solution=[SolutionItem("ticket", D("250.00"))],
        avoided=[
            AvoidedItem(
                certain("0.6"), figure="maatschappelijke_opvang_dakloos", quantity=D("0.5")
            ),
            AvoidedItem(
                certain("0.5"),
                label="extra zorg",
                amount=D("300.00"),
                per=MONTH,
                months=6,
                payer="zorgverzekeraar",
            ),
        ],
    )
    assert result.cost == D("250.00")
    assert result.avoided == D("9689.77") + D("900.00") == D("10589.77")
    assert result.net == D("10339.77")
    assert result.avoided_if_certain == D("16149.62") + D("1800.00")
    assert result.return_per_euro == D("42.36")
    assert result.break_even_probability == D("0.0139")
    assert result.by_payer["gemeente"] == calculator.PayerTotals(D("250.00"), D("9689.77"))
    assert result.by_payer["zorgverzekeraar"] == calculator.PayerTotals(D("0.00"), D("900.00"))
    assert not result.has_range


def test_rounding_is_half_up_not_bankers():
    # 0.05 × 0.5 = 0.025: half-up gives 0.03, banker's rounding would give 0.02.
    result = calc(
        solution=[SolutionItem("x", D("0.025"))],
        avoided=[AvoidedItem(certain("0.5"), amount=D("0.05"))],
    )
    assert result.cost == D("0.03")
    assert result.avoided == D("0.03")
    assert money(D("2.345")) == D("2.35")
    assert money(D("2.355")) == D("2.36")


def test_each_line_is_rounded_once_and_totals_sum_the_rounded_lines():
    # Three lines of 0.005 each round to 0.01; the total is 0.03, not round(0.015) = 0.02.
    result = calc(avoided=[AvoidedItem(certain("0.5"), amount=D("0.01"))] * 3)
    assert [line.expected for line in result.lines] == [D("0.01")] * 3
    assert result.avoided == D("0.03")


@pytest.mark.parametrize("value", [250.0, 0.1, 1e3, float("nan"), True, False])
def test_to_decimal_refuses_floats_and_bools(value):
    with pytest.raises(CalculationError) as caught:
        to_decimal(value, field_name="amount")
    assert caught.value.code == "not_a_number"
    assert caught.value.params == {"field": "amount"}


@pytest.mark.parametrize(
    "value", ["abc", "", "  ", "NaN", "sNaN", "Infinity", "-inf", None, "1.2.3"]
)
def test_to_decimal_refuses_non_numbers(value):
    with pytest.raises(CalculationError) as caught:
        to_decimal(value, field_name="probability")
    assert caught.value.code == "not_a_number"
    assert caught.value.params == {"field": "probability"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("250.00", D("250.00")),
        (" 250.50 ", D("250.50")),
        ("250,50", D("250.50")),
        (250, D("250")),
        (D("0.6"), D("0.6")),
        ("-3", D("-3")),
        ("1E+2", D("100")),
    ],
)
def test_to_decimal_accepts_strings_ints_and_decimals(value, expected):
    number = to_decimal(value, field_name="amount")
    assert isinstance(number, Decimal)
    assert number == expected


def test_calculation_error_carries_code_and_params():
    error = CalculationError("beyond_horizon", label="huur", horizon=12)
    assert isinstance(error, ValueError)
    assert error.code == "beyond_horizon"
    assert error.params == {"label": "huur", "horizon": 12}


# --- 2. monotonicity --------------------------------------------------------------------------


@FAST
@given(data=st.data(), scenario=scenarios())
def test_expected_avoided_is_non_decreasing_in_probability(data, scenario):
    horizon, solution, avoided = scenario
    assume(avoided)
    i = data.draw(st.integers(0, len(avoided) - 1))
    old = avoided[i].probability
    new_low = max(old.low, data.draw(probabilities))
    new_high = max(old.high, new_low, data.draw(probabilities))
    raised = list(avoided)
    raised[i] = AvoidedItem(
        **{**avoided[i].__dict__, "probability": Probability(new_low, new_high)}
    )
    before = calc(horizon=horizon, solution=solution, avoided=avoided)
    after = calc(horizon=horizon, solution=solution, avoided=raised)
    assert before.avoided <= after.avoided
    assert before.net <= after.net
    assert before.avoided_low <= after.avoided_low
    assert before.avoided_high <= after.avoided_high
    assert before.cost == after.cost


@FAST
@given(data=st.data(), scenario=scenarios(), key=st.sampled_from(sorted(CATALOGUE)))
def test_expected_avoided_is_non_decreasing_in_quantity(data, scenario, key):
    horizon, solution, avoided = scenario
    unit = CATALOGUE[key].unit
    q1 = data.draw(quantities(unit, horizon))
    q2 = data.draw(quantities(unit, horizon))
    probability = data.draw(probability_ranges)
    small, large = (
        AvoidedItem(probability, figure=key, quantity=q) for q in (min(q1, q2), max(q1, q2))
    )
    before = calc(horizon=horizon, solution=solution, avoided=[*avoided, small])
    after = calc(horizon=horizon, solution=solution, avoided=[*avoided, large])
    assert before.avoided <= after.avoided
    assert before.net <= after.net
    assert before.avoided_if_certain <= after.avoided_if_certain


@FAST
@given(
    data=st.data(),
    horizon=horizons,
    a1=amounts,
    a2=amounts,
    avoided=st.lists(explicit_avoided_items(120), max_size=3),
)
def test_cost_is_non_decreasing_in_amount_and_months(data, horizon, a1, a2, avoided):
    m1, m2 = sorted(data.draw(st.integers(1, horizon)) for _ in range(2))
    low, high = min(a1, a2), max(a1, a2)
    avoided = [AvoidedItem(**{**item.__dict__, "per": ONCE}) for item in avoided]

    def cost(amount, months, per=MONTH):
        item = SolutionItem("x", amount, per, months=months)
        return calc(horizon=horizon, solution=[item], avoided=avoided)

    assert cost(low, None, ONCE).cost <= cost(high, None, ONCE).cost
    assert cost(low, m1).cost <= cost(high, m1).cost <= cost(high, m2).cost
    assert cost(low, m1).net >= cost(high, m2).net


# --- 3. per-payer sums and cents --------------------------------------------------------------


@FAST
@given(scenario=scenarios())
def test_per_payer_subtotals_add_up_to_the_totals_exactly(scenario):
    horizon, solution, avoided = scenario
    result = calc(horizon=horizon, solution=solution, avoided=avoided)
    totals = result.by_payer.values()
    assert sum((t.cost for t in totals), D("0")) == result.cost
    assert sum((t.avoided for t in totals), D("0")) == result.avoided
    assert sum((t.net for t in totals), D("0")) == result.net
    assert result.net == result.avoided - result.cost
    assert result.net_low == result.avoided_low - result.cost
    assert result.net_high == result.avoided_high - result.cost
    for payer, t in result.by_payer.items():
        assert t.net == t.avoided - t.cost
        assert t.cost == sum(
            (
                line.expected
                for line in result.lines
                if line.kind == "solution" and line.payer == payer
            ),
            D("0"),
        )
    assert set(result.by_payer) == {line.payer for line in result.lines}
    for value in money_values(result):
        assert isinstance(value, Decimal)
        assert value.as_tuple().exponent == -2, value
    assert len(result.lines) == len(solution) + len(avoided)


@FAST
@given(scenario=scenarios())
def test_lines_follow_the_input_and_solution_lines_are_certain(scenario):
    horizon, solution, avoided = scenario
    result = calc(horizon=horizon, solution=solution, avoided=avoided)
    kinds = [line.kind for line in result.lines]
    assert kinds == ["solution"] * len(solution) + ["avoided"] * len(avoided)
    for line, item in zip(result.lines, solution, strict=False):
        assert line.base == line.expected == line.low == line.high >= 0
        assert line.probability is None
        assert line.payer == item.payer
        assert line.label == (item.label or "oplossing")
    for line, item in zip(result.lines[len(solution) :], avoided, strict=True):
        assert line.probability == item.probability
        assert 0 <= line.low <= line.expected <= line.high <= line.base
        if item.figure:
            assert line.payer == (item.payer or CATALOGUE[item.figure].payer)
            assert line.figure.key == item.figure
        else:
            assert line.payer == (item.payer or "gemeente")
            assert line.figure is None


# --- 4. indexation ----------------------------------------------------------------------------

index_years = st.sampled_from(sorted(SHIPPED_INDEX.values))


@given(from_year=index_years, to_year=index_years)
def test_factor_is_the_ratio_of_index_values_and_never_deflates(from_year, to_year):
    factor = SHIPPED_INDEX.factor(from_year, to_year)
    if from_year < to_year:
        assert factor == SHIPPED_INDEX.values[to_year] / SHIPPED_INDEX.values[from_year]
        assert factor > 1  # prices rose every year in the shipped index
    else:
        assert factor == 1


@given(from_year=st.integers(1900, 2100), years_back=st.integers(0, 200))
def test_factor_is_one_when_from_year_is_not_before_to_year_even_without_index(
    from_year, years_back
):
    assert PriceIndex({}).factor(from_year, from_year - years_back) == 1
    assert SHIPPED_INDEX.factor(from_year, from_year - years_back) == 1


@given(a=index_years, b=index_years, c=index_years)
def test_factors_chain(a, b, c):
    a, b, c = sorted((a, b, c))
    chained = SHIPPED_INDEX.factor(a, b) * SHIPPED_INDEX.factor(b, c)
    assert abs(chained - SHIPPED_INDEX.factor(a, c)) < D("1e-20")


def test_index_latest_year_and_default_target_year():
    assert SHIPPED_INDEX.latest_year == 2024
    assert PriceIndex({2019: D("1"), 2021: D("2"), 2020: D("1.5")}).latest_year == 2021
    assert calc().price_year == 2024
    assert calc(target_year=2020).price_year == 2020


def test_a_figure_older_than_the_index_raises_no_index():
    catalogue = {"oud": Figure("oud", "Oud", D("100"), PER_CASE, 1999, "test")}
    with pytest.raises(CalculationError) as caught:
        calc(catalogue=catalogue, avoided=[AvoidedItem(certain(), figure="oud")])
    assert caught.value.code == "no_index"
    assert caught.value.params == {"year": 1999}
    with pytest.raises(CalculationError) as caught:
        SHIPPED_INDEX.factor(1999, 2024)
    assert (caught.value.code, caught.value.params) == ("no_index", {"year": 1999})


def test_a_target_year_missing_from_the_index_raises_no_index():
    with pytest.raises(CalculationError) as caught:
        calc(avoided=[AvoidedItem(certain(), figure="geval")], target_year=2030)
    assert (caught.value.code, caught.value.params) == ("no_index", {"year": 2030})


def test_a_gap_in_the_index_raises_no_index_for_the_missing_year():
    index = PriceIndex({2010: D("90"), 2024: D("130")})
    with pytest.raises(CalculationError) as caught:
        calc(index=index, avoided=[AvoidedItem(certain(), figure="geval")])
    assert (caught.value.code, caught.value.params) == ("no_index", {"year": 2014})


def test_no_index_is_needed_without_figures():
    index = PriceIndex({2024: D("100")})
    result = calc(index=index, avoided=[AvoidedItem(certain("0.5"), amount=D("10"))])
    assert result.avoided == D("5.00")


@given(key=st.sampled_from(sorted(SHIPPED)), quantity=st.integers(0, 3))
def test_a_figure_at_its_own_price_year_is_unchanged(key, quantity):
    figure = SHIPPED[key]
    result = calc(
        horizon=120,
        catalogue=SHIPPED,
        avoided=[AvoidedItem(certain(), figure=key, quantity=D(quantity))],
        target_year=figure.price_year,
    )
    use = result.figures[0]
    assert use.factor == 1
    assert use.indexed_amount == money(figure.amount)
    assert use.target_year == use.price_year == figure.price_year
    assert result.avoided == money(figure.amount * quantity)


def test_a_figure_newer_than_the_target_year_is_not_deflated():
    figure = SHIPPED["bijstand_alleenstaande"]
    assert figure.price_year > SHIPPED_INDEX.latest_year
    result = calc(
        catalogue=SHIPPED,
        avoided=[AvoidedItem(certain(), figure="bijstand_alleenstaande", quantity=D("3"))],
    )
    assert result.figures[0].factor == 1
    assert result.avoided == D("1345.45") * 3


def test_figure_use_records_where_the_figure_came_from():
    figure = Figure(
        "x", "X", D("1000"), PER_CASE, 2015, "Bron 2015", "uwv", note="let op", version=3
    )
    result = calc(
        catalogue={"x": figure},
        avoided=[AvoidedItem(certain(), figure="x"), AvoidedItem(certain("0.5"), figure="x")],
    )
    assert len(result.figures) == 1  # one entry per figure, however often it is used
    use = result.figures[0]
    assert (use.key, use.label, use.amount, use.unit) == ("x", "X", D("1000"), PER_CASE)
    assert (use.price_year, use.target_year, use.source, use.note, use.version) == (
        2015,
        2024,
        "Bron 2015",
        "let op",
        3,
    )
    assert use.indexed_amount == money(D("1000") * D("130.22") / D("100.00")) == D("1302.20")
    assert result.avoided == D("1302.20") + D("651.10")
    assert result.by_payer["uwv"].avoided == result.avoided


def test_shipped_defaults_are_consistent():
    assert SHIPPED, "the shipped catalogue is empty"
    for figure in SHIPPED.values():
        assert figure.unit in calculator.UNITS
        assert figure.amount > 0
        assert figure.source
    years = sorted(SHIPPED_INDEX.values)
    assert years == list(range(years[0], years[-1] + 1))
    # every figure can be indexed to the latest index year
    for key in SHIPPED:
        calc(horizon=120, catalogue=SHIPPED, avoided=[AvoidedItem(certain(), figure=key)])


# --- 5. ranges --------------------------------------------------------------------------------


def test_a_probability_range_gives_low_point_and_high():
    result = calc(
        solution=[SolutionItem("x", D("100"))],
        avoided=[AvoidedItem(Probability(D("0.2"), D("0.6")), amount=D("1000"))],
    )
    assert (result.avoided_low, result.avoided, result.avoided_high) == (
        D("200.00"),
        D("400.00"),
        D("600.00"),
    )
    assert (result.net_low, result.net, result.net_high) == (D("100.00"), D("300.00"), D("500.00"))
    assert (result.return_low, result.return_per_euro, result.return_high) == (
        D("2.00"),
        D("4.00"),
        D("6.00"),
    )
    assert result.has_range


@FAST
@given(scenario=scenarios())
def test_range_bounds_enclose_the_point_estimate(scenario):
    horizon, solution, avoided = scenario
    result = calc(horizon=horizon, solution=solution, avoided=avoided)
    assert result.avoided_low <= result.avoided <= result.avoided_high
    assert result.net_low <= result.net <= result.net_high
    if result.cost > 0:
        assert result.return_low <= result.return_per_euro <= result.return_high
    else:
        assert result.return_low is result.return_per_euro is result.return_high is None
    assert result.has_range == any(
        item.probability.low != item.probability.high for item in avoided
    )
    if not result.has_range:
        assert result.avoided_low == result.avoided == result.avoided_high


@given(pair=st.tuples(probabilities, probabilities))
def test_probability_point_is_the_midpoint(pair):
    low, high = sorted(pair)
    probability = Probability(low, high)
    assert probability.point == (low + high) / 2
    assert low <= probability.point <= high
    assert probability.is_range == (low != high)
    exact = Probability.exactly(low)
    assert exact.point == low and not exact.is_range


# --- 6. return per euro and break-even --------------------------------------------------------


def test_return_per_euro_is_none_for_a_zero_euro_solution():
    avoided = [AvoidedItem(Probability(D("0.1"), D("0.3")), amount=D("500"))]
    for solution in ([SolutionItem("mandaat", D("0"))], []):
        result = calc(solution=solution, avoided=avoided)
        assert result.cost == 0
        assert result.return_per_euro is None
        assert result.return_low is None
        assert result.return_high is None
        assert result.net == result.avoided == D("100.00")
        assert result.break_even_probability == D("0.0000")


def test_return_per_euro_is_rounded_half_up_to_cents():
    result = calc(
        solution=[SolutionItem("x", D("3"))], avoided=[AvoidedItem(certain(), amount=D("10"))]
    )
    assert result.return_per_euro == D("3.33")
    result = calc(
        solution=[SolutionItem("x", D("8"))], avoided=[AvoidedItem(certain(), amount=D("1"))]
    )
    assert result.return_per_euro == D("0.13")  # 0.125 rounds up


def test_break_even_probability_concrete():
    result = calc(
        solution=[SolutionItem("x", D("250"))],
        avoided=[AvoidedItem(certain("0.1"), amount=D("1000"))],
    )
    assert result.break_even_probability == D("0.2500")
    at_break_even = calc(
        solution=[SolutionItem("x", D("250"))],
        avoided=[AvoidedItem(certain("0.25"), amount=D("1000"))],
    )
    assert at_break_even.net == 0
    # 1 / 32 = 0.03125: rounded half up to four places, not half to even (0.0312)
    tie = calc(
        solution=[SolutionItem("x", D("1"))], avoided=[AvoidedItem(certain(), amount=D("32"))]
    )
    assert tie.break_even_probability == D("0.0313")


def test_break_even_above_one_means_never_on_money_alone():
    result = calc(
        solution=[SolutionItem("x", D("500"))],
        avoided=[AvoidedItem(certain("0.5"), amount=D("250"))],
    )
    assert result.break_even_probability == D("2.0000")


@pytest.mark.parametrize(
    "avoided",
    [
        [],
        [AvoidedItem(certain(), amount=D("0"))],
        [AvoidedItem(certain(), figure="geval", quantity=D("0"))],
    ],
)
def test_break_even_is_none_when_nothing_is_avoided(avoided):
    result = calc(solution=[SolutionItem("x", D("250"))], avoided=avoided)
    assert result.break_even_probability is None
    assert result.avoided_if_certain == 0


@FAST
@given(scenario=scenarios())
def test_break_even_is_cost_over_avoided_if_certain(scenario):
    horizon, solution, avoided = scenario
    result = calc(horizon=horizon, solution=solution, avoided=avoided)
    if result.avoided_if_certain == 0:
        assert result.break_even_probability is None
    else:
        expected = (result.cost / result.avoided_if_certain).quantize(
            D("0.0001"), rounding=ROUND_HALF_UP
        )
        assert result.break_even_probability == expected
        assert result.break_even_probability.as_tuple().exponent == -4


@FAST
@given(data=st.data(), horizon=horizons)
def test_at_the_break_even_probability_avoided_equals_cost_within_rounding(data, horizon):
    solution = data.draw(st.lists(solution_items(horizon), min_size=1, max_size=3))
    avoided = data.draw(
        st.lists(
            explicit_avoided_items(horizon, probability=st.just(certain())),
            min_size=1,
            max_size=5,
        )
    )
    first = calc(horizon=horizon, solution=solution, avoided=avoided)
    p = first.break_even_probability
    assume(p is not None and p <= 1)
    at_p = [AvoidedItem(**{**item.__dict__, "probability": certain(p)}) for item in avoided]
    result = calc(horizon=horizon, solution=solution, avoided=at_p)
    assert result.avoided_if_certain == first.avoided_if_certain
    # Each line is rounded to half a cent; the break-even probability itself to half of
    # 0.0001, which moves the sum by at most 0.00005 × what is avoided if certain.
    tolerance = D("0.005") * len(avoided) + D("0.00005") * result.avoided_if_certain
    assert abs(result.avoided - result.cost) <= tolerance


# --- 7. validation ----------------------------------------------------------------------------


def figure_item(key, quantity, probability="1"):
    return AvoidedItem(certain(probability), figure=key, quantity=D(quantity))


INVALID = {
    "negative solution amount": (
        dict(solution=[SolutionItem("ticket", D("-0.01"))]),
        "negative_amount",
        {"label": "ticket"},
    ),
    "negative solution amount, default label": (
        dict(solution=[SolutionItem("", D("-1"), MONTH, months=2)]),
        "negative_amount",
        {"label": "oplossing"},
    ),
    "negative avoided amount": (
        dict(avoided=[AvoidedItem(certain(), label="zorg", amount=D("-5"))]),
        "negative_amount",
        {"label": "zorg"},
    ),
    "negative quantity": (
        dict(avoided=[figure_item("geval", "-1")]),
        "negative_quantity",
        {"label": "Huisuitzetting"},
    ),
    "probability above 1": (
        dict(avoided=[AvoidedItem(certain("1.0001"), label="zorg", amount=D("5"))]),
        "probability",
        {"label": "zorg"},
    ),
    "probability below 0": (
        dict(avoided=[AvoidedItem(certain("-0.0001"), label="zorg", amount=D("5"))]),
        "probability",
        {"label": "zorg"},
    ),
    "high probability above 1": (
        dict(avoided=[AvoidedItem(Probability(D("0.5"), D("1.5")), figure="geval")]),
        "probability",
        {"label": "Huisuitzetting"},
    ),
    "low above high": (
        dict(avoided=[AvoidedItem(Probability(D("0.6"), D("0.2")), label="z", amount=D("5"))]),
        "probability_order",
        {"label": "z"},
    ),
    "unknown figure": (
        dict(avoided=[figure_item("bestaat_niet", "1")]),
        "unknown_figure",
        {"key": "bestaat_niet"},
    ),
    "months zero": (
        dict(solution=[SolutionItem("huur", D("400"), MONTH, months=0)]),
        "months",
        {"label": "huur"},
    ),
    "months negative": (
        dict(solution=[SolutionItem("huur", D("400"), MONTH, months=-3)]),
        "months",
        {"label": "huur"},
    ),
    "months float": (
        dict(solution=[SolutionItem("huur", D("400"), MONTH, months=1.5)]),
        "months",
        {"label": "huur"},
    ),
    "months string": (
        dict(solution=[SolutionItem("huur", D("400"), MONTH, months="3")]),
        "months",
        {"label": "huur"},
    ),
    "months decimal": (
        dict(solution=[SolutionItem("huur", D("400"), MONTH, months=D("3"))]),
        "months",
        {"label": "huur"},
    ),
    "months bool": (
        dict(solution=[SolutionItem("huur", D("400"), MONTH, months=True)]),
        "months",
        {"label": "huur"},
    ),
    "avoided months zero": (
        dict(avoided=[AvoidedItem(certain(), label="zorg", amount=D("1"), per=MONTH, months=0)]),
        "months",
        {"label": "zorg"},
    ),
    "solution beyond horizon": (
        dict(horizon=24, solution=[SolutionItem("huur", D("400"), MONTH, months=25)]),
        "beyond_horizon",
        {"label": "huur", "horizon": 24},
    ),
    "avoided beyond horizon": (
        dict(
            horizon=6,
            avoided=[AvoidedItem(certain(), label="zorg", amount=D("1"), per=MONTH, months=7)],
        ),
        "beyond_horizon",
        {"label": "zorg", "horizon": 6},
    ),
    "solution per unknown": (
        dict(solution=[SolutionItem("huur", D("400"), "year")]),
        "per",
        {"label": "huur"},
    ),
    "avoided per unknown": (
        dict(avoided=[AvoidedItem(certain(), label="zorg", amount=D("1"), per="week")]),
        "per",
        {"label": "zorg"},
    ),
    "missing amount": (
        dict(avoided=[AvoidedItem(certain(), label="zorg")]),
        "missing_amount",
        {"label": "zorg"},
    ),
    "missing amount, default label": (
        dict(avoided=[AvoidedItem(certain())]),
        "missing_amount",
        {"label": "vermeden kosten"},
    ),
    "figure with an unknown unit": (
        dict(
            catalogue={"raar": Figure("raar", "Raar", D("1"), "per_week", 2020, "test")},
            avoided=[figure_item("raar", "1")],
        ),
        "unit",
        {"key": "raar"},
    ),
}


@pytest.mark.parametrize(("kwargs", "code", "params"), INVALID.values(), ids=INVALID.keys())
def test_invalid_input_raises_its_code(kwargs, code, params):
    with pytest.raises(CalculationError) as caught:
        calc(**kwargs)
    assert caught.value.code == code
    assert caught.value.params == params


@pytest.mark.parametrize("horizon", [0, -1, 121, 1000, True, False, "24", 24.0, None, D("24")])
def test_invalid_horizon(horizon):
    with pytest.raises(CalculationError) as caught:
        calc(horizon=horizon)
    assert caught.value.code == "horizon"
    assert caught.value.params == {"maximum": 120}


@pytest.mark.parametrize("horizon", [1, 24, 120])
def test_valid_horizon_bounds(horizon):
    assert calc(horizon=horizon).horizon_months == horizon


def test_boundaries_are_allowed():
    result = calc(
        horizon=24,
        solution=[
            SolutionItem("nul", D("0")),
            SolutionItem("huur", D("400"), MONTH, months=24),
            SolutionItem("huur", D("1"), MONTH, months=1),
        ],
        avoided=[
            AvoidedItem(certain("0"), amount=D("100")),
            AvoidedItem(certain("1"), amount=D("100"), per=MONTH, months=24),
            AvoidedItem(Probability(D("0"), D("1")), amount=D("0")),
            figure_item("jaar", "2"),
            figure_item("maand", "24"),
            figure_item("geval", "0"),
        ],
    )
    assert result.cost == D("9601.00")
    assert result.lines[3].expected == D("0.00")
    assert result.lines[4].expected == D("2400.00")


# --- 8. units ---------------------------------------------------------------------------------


# A figure's unit says how its quantity reads. Figure quantities are not held against the
# horizon (for several people they are person-years or person-months); explicit monthly
# amounts are (see the validation cases above).

JAAR = money(D("12345.67") * D("130.22") / D("93.68"))  # "jaar", 2011 → 2024
MAAND = money(D("987.65") * D("130.22") / D("106.12"))  # "maand", 2019 → 2024
GEVAL = money(D("7500") * D("130.22") / D("99.40"))  # "geval", 2014 → 2024


def test_indexed_amounts_of_the_test_catalogue():
    result = calc(avoided=[figure_item(key, "1") for key in ("jaar", "maand", "geval")])
    assert [use.indexed_amount for use in result.figures] == [JAAR, MAAND, GEVAL]


def test_per_year_quantity_is_years():
    result = calc(horizon=18, avoided=[figure_item("jaar", "1.5")])
    assert result.avoided == money(JAAR * D("1.5"))
    assert result.lines[0].figure.unit == PER_YEAR


def test_per_month_quantity_is_months():
    result = calc(horizon=7, avoided=[figure_item("maand", "7")])
    assert result.avoided == money(MAAND * 7)
    # a year of a monthly figure costs twelve months, a year of a yearly figure one year
    assert calc(avoided=[figure_item("maand", "12")]).avoided == money(MAAND * 12)
    assert calc(avoided=[figure_item("jaar", "1")]).avoided == JAAR


@given(
    key=st.sampled_from(["jaar", "maand", "geval"]),
    quantity=st.decimals(
        min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False
    ),
    horizon=horizons,
)
def test_figure_quantities_are_not_limited_by_the_horizon(key, quantity, horizon):
    indexed = {"jaar": JAAR, "maand": MAAND, "geval": GEVAL}[key]
    result = calc(horizon=horizon, avoided=[figure_item(key, str(quantity))])
    assert result.avoided == money(indexed * quantity)
    assert result.by_payer[CATALOGUE[key].payer].avoided == result.avoided


def test_explicit_monthly_amounts_are_limited_by_the_horizon():
    item = AvoidedItem(certain(), label="zorg", amount=D("10"), per=MONTH, months=7)
    assert calc(horizon=7, avoided=[item]).avoided == D("70.00")
    with pytest.raises(CalculationError) as caught:
        calc(horizon=6, avoided=[item])
    assert (caught.value.code, caught.value.params) == (
        "beyond_horizon",
        {"label": "zorg", "horizon": 6},
    )


# --- robustness --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "label"),
    [
        (dict(solution=[SolutionItem("x", D("1e30"))]), "x"),
        (dict(solution=[SolutionItem("huur", D("1000000000"), MONTH, months=2)]), "huur"),
        (dict(avoided=[AvoidedItem(certain(), label="zorg", amount=D("1e30"))]), "zorg"),
        (dict(avoided=[figure_item("geval", "1e30")]), "Huisuitzetting"),
    ],
    ids=["solution", "monthly solution", "avoided", "quantity"],
)
def test_huge_amounts_are_refused_not_crashing(kwargs, label):
    # Above the limit, quantizing to cents would not fit the 28-digit decimal context.
    with pytest.raises(CalculationError) as caught:
        calc(**kwargs)
    assert caught.value.code == "too_large"
    assert caught.value.params == {"field": label}


@pytest.mark.parametrize("value", ["1e9", "-1e9", "1000000000", "1e30", 10**12])
def test_to_decimal_refuses_huge_numbers(value):
    with pytest.raises(CalculationError) as caught:
        to_decimal(value, field_name="amount")
    assert (caught.value.code, caught.value.params) == ("too_large", {"field": "amount"})


def test_the_largest_amounts_still_calculate_exactly():
    top = calculator.MAX_NUMBER - CENT
    assert to_decimal(str(top), field_name="amount") == top
    result = calc(
        horizon=120,
        solution=[SolutionItem("x", top, MONTH)],
        avoided=[
            AvoidedItem(Probability(D("0.0001"), D("1")), amount=top, per=MONTH),
            AvoidedItem(certain("0.3333"), figure="geval", quantity=top),
        ],
    )
    assert result.cost == top * 120
    assert result.avoided_high == top * 120 + money(
        money(D("7500") * D("130.22") / D("99.40")) * top * D("0.3333")
    )
    for value in money_values(result):
        assert value.as_tuple().exponent == -2


def test_an_empty_index_works_without_figures():
    result = calc(index=PriceIndex({}), solution=[SolutionItem("x", D("10"))])
    assert result.cost == D("10.00")
    assert result.price_year is None


def test_an_empty_index_refuses_figures_with_no_index():
    with pytest.raises(CalculationError) as caught:
        calc(index=PriceIndex({}), avoided=[figure_item("geval", "1")])
    assert (caught.value.code, caught.value.params) == ("no_index", {"year": 2014})
