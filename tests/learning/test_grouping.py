"""The pure pattern rules."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.learning import grouping
from doorbraak.learning.grouping import ParameterError, Parameters


@pytest.mark.parametrize(
    "kwargs, code",
    [
        ({"min_cases": 1}, "min_cases"),
        ({"min_cases": 2.5}, "min_cases"),
        ({"min_cases": True}, "min_cases"),
        ({"window_months": 0}, "window_months"),
        ({"threshold": 0}, "threshold"),
        ({"threshold": 1.5}, "threshold"),
    ],
)
def test_bad_parameters_are_refused(kwargs, code):
    with pytest.raises(ParameterError) as error:
        Parameters(**kwargs)
    assert error.value.code == code


def test_new_group_needs_k_distinct_cases():
    params = Parameters(min_cases=3, threshold=0.3)
    cases = {-1: {1}, 0: {2}, 1: {2}, 2: {3}}
    assert grouping.new_group(-1, {0: 0.9, 1: 0.8}, cases, params) is None  # cases 1, 2
    assert grouping.new_group(-1, {0: 0.9, 1: 0.8, 2: 0.31}, cases, params) == [-1, 0, 1, 2]
    assert grouping.new_group(-1, {0: 0.9, 1: 0.8, 2: 0.29}, cases, params) is None


def test_best_pattern_prefers_the_highest_score_then_the_lowest_id():
    assert grouping.best_pattern({5: 0.4, 3: 0.6, 9: 0.6}, 0.3) == 3
    assert grouping.best_pattern({5: 0.2}, 0.3) is None


@given(st.lists(st.frozensets(st.integers(0, 20), max_size=3), max_size=10))
def test_distinct_cases_is_the_size_of_the_union(sets):
    assert grouping.distinct_cases(sets) == len(set().union(*sets))


def test_window_start_clamps_the_day():
    assert grouping.window_start(datetime.date(2025, 3, 31), 1) == datetime.date(2025, 2, 28)
    assert grouping.window_start(datetime.date(2024, 3, 31), 1) == datetime.date(2024, 2, 29)
    assert grouping.window_start(datetime.date(2025, 1, 15), 12) == datetime.date(2024, 1, 15)


@given(st.dates(datetime.date(1901, 1, 1), datetime.date(2200, 1, 1)), st.integers(1, 240))
def test_window_start_is_before_and_within_the_months(today, months):
    start = grouping.window_start(today, months)
    assert start < today
    assert (today.year - start.year) * 12 + today.month - start.month == months


def test_cases_per_month_counts_distinct_cases_and_fills_gaps():
    d = datetime.date
    rows = grouping.cases_per_month([(d(2025, 1, 3), 1), (d(2025, 1, 9), 1), (d(2025, 3, 1), 2)])
    assert rows == [("2025-01", 1), ("2025-02", 0), ("2025-03", 1)]
    assert grouping.cases_per_month([]) == []
