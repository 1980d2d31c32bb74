"""Tests of request data → calculator input, result → JSON, and error messages. Parsing
imports the models (for the payer choices) but touches no database."""

import copy
import json
from decimal import Decimal

import pytest
from django.utils import translation

from doorbraak.costbenefit import calculator, parsing
from doorbraak.costbenefit.calculator import (
    AvoidedItem,
    CalculationError,
    Figure,
    PriceIndex,
    Probability,
    SolutionItem,
)
from doorbraak.costbenefit.defaults import default_figures, default_index

D = Decimal

INDEX = PriceIndex({row["year"]: row["index"] for row in default_index()})
CATALOGUE = {row["key"]: Figure(**row) for row in default_figures()}

#: The example of the API contract (the issue, and the OpenAPI example).
CONTRACT = {
    "horizon_months": 24,
    "solution": [{"label": "ticket", "amount": "250.00", "per": "once"}],
    "avoided": [
        {"figure": "maatschappelijke_opvang_dakloos", "quantity": "0.5", "probability": "0.6"},
        {
            "label": "extra zorg",
            "amount": "300.00",
            "per": "month",
            "months": 6,
            "probability": "0.5",
            "payer": "zorgverzekeraar",
        },
    ],
}


def run(data):
    return calculator.calculate(**parsing.parse(data), catalogue=CATALOGUE, index=INDEX)


def body(**changes):
    data = copy.deepcopy(CONTRACT)
    data.update(changes)
    return data


def refused(data) -> CalculationError:
    with pytest.raises(CalculationError) as caught:
        parsing.parse(data)
    return caught.value


# --- parse ------------------------------------------------------------------------------------


def test_the_contract_example_parses_into_calculator_input():
    parsed = parsing.parse(CONTRACT)
    assert set(parsed) == {"horizon_months", "solution", "avoided"}
    assert parsed["horizon_months"] == 24
    assert parsed["solution"] == [SolutionItem("ticket", D("250.00"), "once", None, "gemeente")]
    figure, explicit = parsed["avoided"]
    assert figure == AvoidedItem(
        probability=Probability.exactly(D("0.6")),
        figure="maatschappelijke_opvang_dakloos",
        quantity=D("0.5"),
    )
    assert explicit == AvoidedItem(
        probability=Probability.exactly(D("0.5")),
        label="extra zorg",
        amount=D("300.00"),
        per="month",
        months=6,
        payer="zorgverzekeraar",
    )
    for item in [*parsed["solution"], *parsed["avoided"]]:
        for value in item.__dict__.values():
            assert not isinstance(value, float)


def test_the_contract_example_gives_cost_250():
    data = parsing.serialise(run(CONTRACT))
    assert data["cost"] == "250.00"
    assert data["avoided"] == "10589.77"
    assert data["net"] == "10339.77"
    assert data["return_per_euro"] == "42.36"
    assert data["break_even_probability"] == "0.0139"
    assert data["horizon_months"] == 24
    assert data["price_year"] == 2024
    assert data["range"] is None
    assert data["by_payer"] == {
        "gemeente": {"cost": "250.00", "avoided": "9689.77", "net": "9439.77"},
        "zorgverzekeraar": {"cost": "0.00", "avoided": "900.00", "net": "900.00"},
    }


def test_the_contract_example_is_not_modified():
    before = copy.deepcopy(CONTRACT)
    parsing.parse(CONTRACT)
    assert before == CONTRACT


def test_a_probability_range_is_parsed_and_serialised():
    data = body()
    data["avoided"][1]["probability"] = {"low": "0.2", "high": "0.8"}
    parsed = parsing.parse(data)
    assert parsed["avoided"][1].probability == Probability(D("0.2"), D("0.8"))
    result = parsing.serialise(run(data))
    # 1800.00 × 0.2 / 0.5 / 0.8 on top of the figure line (certain 0.6 → 9689.77)
    assert result["avoided"] == "10589.77"
    assert result["range"] == {
        "avoided_low": "10049.77",
        "avoided_high": "11129.77",
        "net_low": "9799.77",
        "net_high": "10879.77",
        "return_low": "40.20",
        "return_high": "44.52",
    }
    assert result["lines"][2]["probability"] == {"low": "0.2", "high": "0.8"}


def test_probability_comma_and_numbers_in_a_range():
    data = body(avoided=[{"amount": "100", "probability": {"low": "0,1", "high": 1}}])
    assert parsing.parse(data)["avoided"][0].probability == Probability(D("0.1"), D("1"))


@pytest.mark.parametrize("probability", [{"low": "0.2"}, {"high": "0.2"}, {}])
def test_an_incomplete_probability_range_is_malformed(probability):
    error = refused(body(avoided=[{"amount": "100", "probability": probability}]))
    assert error.code == "malformed"
    assert "probability" in error.params["detail"]


@pytest.mark.parametrize("probability", [None, ""])
def test_a_missing_probability_means_certain(probability):
    data = body(avoided=[{"amount": "100", "probability": probability}])
    assert parsing.parse(data)["avoided"][0].probability == Probability.exactly(D("1"))
    assert parsing.parse(body(avoided=[{"amount": "100"}]))["avoided"][0].probability == (
        Probability.exactly(D("1"))
    )


@pytest.mark.parametrize("probability", [0.5, "half", True])
def test_a_probability_must_be_a_decimal_string(probability):
    error = refused(body(avoided=[{"amount": "100", "probability": probability}]))
    assert error.code == "not_a_number"
    assert error.params == {"field": "probability"}


def test_an_out_of_range_probability_is_refused_by_the_calculator():
    data = body(avoided=[{"amount": "100", "probability": {"low": "0.9", "high": "0.1"}}])
    with pytest.raises(CalculationError) as caught:
        run(data)
    assert caught.value.code == "probability_order"


@pytest.mark.parametrize("payer", ["nobody", "GEMEENTE", "x" * 100])
def test_an_unknown_payer_is_refused(payer):
    for data in (
        body(solution=[{"amount": "1", "payer": payer}]),
        body(avoided=[{"amount": "1", "payer": payer}]),
    ):
        error = refused(data)
        assert error.code == "unknown_payer"
        assert error.params == {"payer": payer[:40]}


@pytest.mark.parametrize("payer", sorted(parsing.PAYERS))
def test_every_known_payer_is_accepted(payer):
    parsed = parsing.parse(body(solution=[{"amount": "1", "payer": payer}]))
    assert parsed["solution"][0].payer == payer
    parsed = parsing.parse(body(avoided=[{"amount": "1", "payer": payer}]))
    assert parsed["avoided"][0].payer == payer


def test_payers_default_to_the_municipality_and_the_figure():
    parsed = parsing.parse(body(solution=[{"amount": "1", "payer": ""}]))
    assert parsed["solution"][0].payer == "gemeente"
    parsed = parsing.parse(body(avoided=[{"figure": "huisuitzetting_direct"}]))
    assert parsed["avoided"][0].payer is None  # the calculator takes the figure's payer
    result = run(body(avoided=[{"figure": "huisuitzetting_direct"}]))
    assert result.lines[-1].payer == "woningcorporatie"


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        ([], "body"),
        ("horizon_months=24", "body"),
        (None, "body"),
        (42, "body"),
        ({}, "horizon_months"),
        ({"solution": []}, "horizon_months"),
        ({"horizon_months": None}, "horizon_months"),
        ({"horizon_months": ""}, "horizon_months"),
        ({"horizon_months": 24, "solution": "ticket"}, "solution"),
        ({"horizon_months": 24, "solution": {"amount": "1"}}, "solution"),
        ({"horizon_months": 24, "solution": None}, "solution"),
        ({"horizon_months": 24, "solution": [{"amount": "1"}, "x"]}, "solution"),
        ({"horizon_months": 24, "avoided": "x"}, "avoided"),
        ({"horizon_months": 24, "avoided": [["x"]]}, "avoided"),
    ],
)
def test_malformed_bodies(data, detail):
    error = refused(data)
    assert error.code == "malformed"
    assert error.params == {"detail": detail}


def test_solution_and_avoided_may_be_left_out():
    assert parsing.parse({"horizon_months": 12}) == {
        "horizon_months": 12,
        "solution": [],
        "avoided": [],
    }


def test_a_decimal_comma_is_accepted():
    data = body(solution=[{"label": "ticket", "amount": "250,50"}], avoided=[])
    assert parsing.parse(data)["solution"][0].amount == D("250.50")
    assert parsing.serialise(run(data))["cost"] == "250.50"


def test_a_huge_amount_is_too_large():
    error = refused(body(solution=[{"amount": "1e30"}]))
    assert (error.code, error.params) == ("too_large", {"field": "amount"})
    error = refused(body(avoided=[{"figure": "uithuisplaatsing", "quantity": "1e12"}]))
    assert (error.code, error.params) == ("too_large", {"field": "quantity"})


@pytest.mark.parametrize("amount", [250.5, 250.0, True, "250 euro", "NaN", "Infinity"])
def test_an_amount_must_be_a_decimal_string_or_int(amount):
    error = refused(body(solution=[{"amount": amount}]))
    assert error.code == "not_a_number"
    assert error.params == {"field": "amount"}
    error = refused(body(avoided=[{"amount": amount}]))
    assert error.code == "not_a_number"


def test_an_integer_amount_is_accepted():
    assert parsing.parse(body(solution=[{"amount": 250}]))["solution"][0].amount == D("250")


@pytest.mark.parametrize("amount", [None, ""])
def test_a_solution_without_amount_is_refused(amount):
    error = refused(body(solution=[{"label": "ticket", "amount": amount}]))
    assert error.code == "missing_amount"
    assert error.params == {"label": "ticket"}
    error = refused(body(solution=[{}]))
    assert error.params == {"label": "oplossing"}


def test_an_avoided_item_without_figure_or_amount_is_refused_by_the_calculator():
    data = body(avoided=[{"label": "zorg", "figure": "", "amount": ""}])
    parsed = parsing.parse(data)
    assert parsed["avoided"][0].figure is None
    assert parsed["avoided"][0].amount is None
    with pytest.raises(CalculationError) as caught:
        run(data)
    assert caught.value.code == "missing_amount"
    assert caught.value.params == {"label": "zorg"}


def test_an_unknown_figure_is_refused_by_the_calculator():
    with pytest.raises(CalculationError) as caught:
        run(body(avoided=[{"figure": "bestaat_niet"}]))
    assert caught.value.code == "unknown_figure"
    assert caught.value.params == {"key": "bestaat_niet"}


@pytest.mark.parametrize(("value", "expected"), [(24, 24), ("24", 24), ("24.0", 24), (" 6 ", 6)])
def test_whole_numbers_may_be_strings(value, expected):
    parsed = parsing.parse(
        {"horizon_months": value, "solution": [{"amount": "1", "per": "month", "months": value}]}
    )
    assert parsed["horizon_months"] == expected
    assert parsed["solution"][0].months == expected
    assert isinstance(parsed["horizon_months"], int)


def test_a_fractional_number_of_months_is_refused():
    error = refused(body(solution=[{"amount": "1", "per": "month", "months": "1.5"}]))
    assert error.code == "months"
    error = refused({"horizon_months": "24.5"})
    assert error.code == "months"
    assert error.params == {"label": "horizon_months"}


@pytest.mark.parametrize("horizon", [True, False, 24.0])
def test_horizon_must_not_be_a_bool_or_float(horizon):
    error = refused({"horizon_months": horizon})
    assert error.code == "not_a_number"
    assert error.params == {"field": "horizon_months"}


@pytest.mark.parametrize("horizon", [0, 121, "121"])
def test_horizon_out_of_range_is_refused_by_the_calculator(horizon):
    with pytest.raises(CalculationError) as caught:
        run({"horizon_months": horizon})
    assert caught.value.code == "horizon"


def test_labels_are_trimmed_and_refused_above_200_characters():
    parsed = parsing.parse(body(solution=[{"label": "  ticket  ", "amount": "1"}]))
    assert parsed["solution"][0].label == "ticket"
    parsed = parsing.parse(body(avoided=[{"label": "x" * 200, "amount": "1"}]))
    assert parsed["avoided"][0].label == "x" * 200
    with pytest.raises(CalculationError) as caught:
        parsing.parse(body(avoided=[{"label": "x" * 500, "amount": "1"}]))
    assert caught.value.code == "label_length" and caught.value.params["used"] == 500


def test_per_and_quantity_defaults():
    parsed = parsing.parse(
        body(solution=[{"amount": "1"}], avoided=[{"figure": "uithuisplaatsing"}])
    )
    assert parsed["solution"][0].per == "once"
    assert parsed["avoided"][0].per == "once"
    assert parsed["avoided"][0].quantity == D("1")
    assert parsed["avoided"][0].months is None


@pytest.mark.parametrize("payer", [["gemeente"], {"name": "gemeente"}])
def test_a_non_string_payer_is_refused(payer):
    error = refused(body(solution=[{"amount": "1", "payer": payer}]))
    assert error.code in {"unknown_payer", "malformed"}


def test_a_null_label_is_no_label():
    parsed = parsing.parse(body(solution=[{"label": None, "amount": "1"}]))
    assert parsed["solution"][0].label == ""


# --- serialise --------------------------------------------------------------------------------


def walk(value, path="$"):
    """(path, leaf) for every leaf of a JSON-like structure."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")
    else:
        yield path, value


MONEY = {"cost", "avoided", "net", "base", "expected", "low", "high", "indexed_amount"}


def test_serialise_gives_strings_for_all_money_values():
    data = body()
    data["avoided"][1]["probability"] = {"low": "0.2", "high": "0.8"}
    result = parsing.serialise(run(data))
    json.dumps(result)  # plain JSON types only
    leaves = dict(walk(result))
    assert not any(isinstance(value, float | Decimal) for value in leaves.values())
    checked = 0
    for path, value in leaves.items():
        name = path.rsplit(".", 1)[-1]
        if ".probability." in path or name in {"amount", "factor"}:
            assert isinstance(value, str), path  # decimals as given, or the factor
            assert D(value).is_finite()
        elif name in MONEY or path.startswith("$.range.") or name == "return_per_euro":
            assert isinstance(value, str), path
            assert D(value).as_tuple().exponent == -2, path
            checked += 1
        elif name == "break_even_probability":
            assert D(value).as_tuple().exponent == -4
    assert checked == 3 + 6 + 3 * 2 + 3 * 4 + 1 + 1  # totals, range, payers, lines, figure


def test_serialise_lines():
    result = parsing.serialise(run(CONTRACT))
    assert result["lines"] == [
        {
            "kind": "solution",
            "label": "ticket",
            "payer": "gemeente",
            "base": "250.00",
            "expected": "250.00",
            "low": "250.00",
            "high": "250.00",
            "probability": None,
            "figure": None,
        },
        {
            "kind": "avoided",
            "label": CATALOGUE["maatschappelijke_opvang_dakloos"].label,
            "payer": "gemeente",
            "base": "16149.62",
            "expected": "9689.77",
            "low": "9689.77",
            "high": "9689.77",
            "probability": {"low": "0.6", "high": "0.6"},
            "figure": "maatschappelijke_opvang_dakloos",
        },
        {
            "kind": "avoided",
            "label": "extra zorg",
            "payer": "zorgverzekeraar",
            "base": "1800.00",
            "expected": "900.00",
            "low": "900.00",
            "high": "900.00",
            "probability": {"low": "0.5", "high": "0.5"},
            "figure": None,
        },
    ]


def test_serialise_figures_carry_source_price_year_version_and_factor():
    figure = CATALOGUE["maatschappelijke_opvang_dakloos"]
    result = parsing.serialise(run(CONTRACT))
    assert result["figures"] == [
        {
            "key": "maatschappelijke_opvang_dakloos",
            "label": figure.label,
            "amount": "23236",
            "unit": "per_year",
            "price_year": 2011,
            "target_year": 2024,
            "factor": str((D("130.22") / D("93.68")).quantize(D("0.0001"))),
            "indexed_amount": "32299.23",
            "source": figure.source,
            "note": figure.note,
            "version": 1,
        }
    ]
    assert result["figures"][0]["factor"] == "1.3901"
    assert "Cebeon 2011" in result["figures"][0]["source"]


def test_serialise_a_figure_at_its_own_price_year_has_factor_one():
    data = {"horizon_months": 12, "avoided": [{"figure": "bijstand_paar", "quantity": "2"}]}
    figures = parsing.serialise(run(data))["figures"]
    assert figures[0]["factor"] == "1.0000"
    assert figures[0]["indexed_amount"] == "1922.07"
    assert figures[0]["price_year"] == 2025


def test_serialise_a_zero_euro_solution():
    data = {
        "horizon_months": 12,
        "solution": [{"label": "mandaat", "amount": "0"}],
        "avoided": [{"amount": "1000", "probability": "0.3"}],
    }
    result = parsing.serialise(run(data))
    assert result["cost"] == "0.00"
    assert result["return_per_euro"] is None
    assert result["break_even_probability"] == "0.0000"
    assert result["net"] == "300.00"


def test_serialise_nothing_avoided():
    result = parsing.serialise(run({"horizon_months": 12, "solution": [{"amount": "10"}]}))
    assert result["break_even_probability"] is None
    assert result["avoided"] == "0.00"
    assert result["return_per_euro"] == "0.00"
    assert result["figures"] == []
    assert result["by_payer"] == {"gemeente": {"cost": "10.00", "avoided": "0.00", "net": "-10.00"}}


def test_serialise_by_payer_is_sorted_and_adds_up():
    data = body()
    data["solution"].append({"amount": "99.99", "payer": "woningcorporatie"})
    result = parsing.serialise(run(data))
    assert list(result["by_payer"]) == sorted(result["by_payer"])
    for field in ("cost", "avoided", "net"):
        assert sum(D(t[field]) for t in result["by_payer"].values()) == D(result[field])


# --- error messages ---------------------------------------------------------------------------

ERRORS = [
    CalculationError("not_a_number", field="amount"),
    CalculationError("too_large", field="huurbrug"),
    CalculationError("no_index", year=1999),
    CalculationError("months", label="huurbrug"),
    CalculationError("beyond_horizon", label="huurbrug", horizon=24),
    CalculationError("negative_amount", label="huurbrug"),
    CalculationError("negative_quantity", label="huurbrug"),
    CalculationError("probability", label="huurbrug"),
    CalculationError("probability_order", label="huurbrug"),
    CalculationError("per", label="huurbrug"),
    CalculationError("unknown_figure", key="bestaat_niet"),
    CalculationError("unit", key="raar_kengetal"),
    CalculationError("missing_amount", label="huurbrug"),
    CalculationError("horizon", maximum=120),
    CalculationError("unknown_payer", payer="niemand"),
    CalculationError("malformed", detail="horizon_months"),
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("error", ERRORS, ids=[error.code for error in ERRORS])
def test_every_error_has_a_message_with_its_params(error, language):
    with translation.override(language):
        message = parsing.error_message(error)
    assert isinstance(message, str)
    assert message.strip()
    assert "%(" not in message and "%s" not in message
    for value in error.params.values():
        assert str(value) in message


def test_each_code_has_its_own_message():
    with translation.override("en"):
        messages = [parsing.error_message(error) for error in ERRORS]
        generic = parsing.error_message(CalculationError("iets_anders"))
    assert len(set(messages)) == len(messages)
    assert generic not in messages


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_unknown_code_gives_a_generic_message(language):
    with translation.override(language):
        plain = parsing.error_message(CalculationError("iets_anders"))
        with_params = parsing.error_message(CalculationError("iets_anders", x="1"))
    assert plain and plain == with_params


def test_errors_from_a_real_calculation_have_messages():
    for data in (
        body(avoided=[{"figure": "bestaat_niet"}]),
        body(solution=[{"amount": "-1", "label": "ticket"}]),
        body(solution=[{"amount": "1", "per": "month", "months": 99}]),
        {"horizon_months": 500},
        [],
    ):
        with pytest.raises(CalculationError) as caught:
            run(data)
        with translation.override("nl"):
            message = parsing.error_message(caught.value)
        assert message.strip()
        for value in caught.value.params.values():
            assert str(value) in message
