"""Recurring spending per category: at k requests from two teams, not at k − 1 or one team."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.learning.recurrence import CategorySpending, recurring


def row(label, requests, teams, amount="100"):
    return CategorySpending(None, label, requests, teams, 1, Decimal(amount))


def test_the_dentist_recurs_and_a_single_team_does_not():
    rows = [row("Tandarts", 3, 2), row("Huur", 2, 2), row("Witgoed", 9, 1)]
    assert [r.label for r in recurring(rows, min_requests=3)] == ["Tandarts"]


def test_most_requests_first_then_most_money():
    rows = [row("A", 4, 2, "10"), row("B", 5, 3, "1"), row("C", 4, 2, "99")]
    assert [r.label for r in recurring(rows, min_requests=3)] == ["B", "C", "A"]


def test_a_threshold_below_two_is_refused():
    with pytest.raises(ValueError):
        recurring([], min_requests=1)


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 5)), max_size=20), st.integers(2, 8))
def test_exactly_the_rows_at_or_above_both_thresholds(pairs, k):
    rows = [row(str(i), n, t) for i, (n, t) in enumerate(pairs)]
    found = {r.label for r in recurring(rows, min_requests=k)}
    assert found == {r.label for r in rows if r.requests >= k and r.teams >= 2}
