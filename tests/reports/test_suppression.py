"""Small-cell suppression: nothing under the threshold is published, and nothing withheld can
be recomputed from what is published — checked by brute force over the table's relations."""

import time
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doorbraak.reports.suppression import (
    MINIMUM_THRESHOLD,
    _determined,
    _determined_by_rank,
    check_threshold,
    suppress,
    with_margins,
)

tables = st.integers(1, 5).flatmap(
    lambda width: st.lists(
        st.lists(st.integers(0, 40), min_size=width, max_size=width), min_size=1, max_size=5
    )
)


def recomputable(result) -> set:
    """Hidden cells whose value is fixed by the published numbers: for each hidden cell, look
    for two completions of the table that agree on everything published and keep every row
    and column sum, but differ in that cell. A cell is fixed when every direction that keeps
    the sums (the null space of the relations on the hidden cells) leaves it unchanged."""
    values = result.values
    height, width = len(values), len(values[0])
    hidden = sorted(result.hidden)
    if not hidden:
        return set()
    relations = []
    for r in range(height):
        relations.append({**{(r, c): 1 for c in range(width - 1)}, (r, width - 1): -1})
    for c in range(width):
        relations.append({**{(r, c): 1 for r in range(height - 1)}, (height - 1, c): -1})
    matrix = [[Fraction(rel.get(cell, 0)) for cell in hidden] for rel in relations]
    basis = null_space(matrix, len(hidden))
    return {cell for i, cell in enumerate(hidden) if all(vector[i] == 0 for vector in basis)}


def null_space(matrix, n):
    rows = [list(r) for r in matrix]
    pivots, rank = [], 0
    for column in range(n):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [x / lead for x in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][column] != 0:
                f = rows[r][column]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots.append(column)
        rank += 1
    free = [c for c in range(n) if c not in pivots]
    basis = []
    for f in free:
        vector = [Fraction(0)] * n
        vector[f] = Fraction(1)
        for i, p in enumerate(pivots):
            vector[p] = -rows[i][f]
        basis.append(vector)
    return basis


@settings(max_examples=300, deadline=None)
@given(tables, st.integers(MINIMUM_THRESHOLD, 15))
def test_nothing_under_the_threshold_and_nothing_recomputable(counts, threshold):
    result = suppress(counts, threshold)
    for r, row in enumerate(result.values):
        for c in range(len(row)):
            shown = result.shown(r, c)
            assert shown is None or shown >= threshold
    assert recomputable(result) == set()


@settings(max_examples=200, deadline=None)
@given(tables)
def test_large_counts_are_all_published(counts):
    big = [[value + 10 for value in row] for row in counts]
    assert suppress(big, 10).hidden == frozenset()


def test_margins():
    assert with_margins([[1, 2], [3, 4]]) == ((1, 2, 3), (3, 4, 7), (4, 6, 10))


def test_a_single_small_cell_takes_a_second_one_in_its_row_and_column():
    # 3 households in a cell: withheld, and the rest of its row and column would give it away.
    result = suppress([[3, 20, 30], [40, 50, 60]], 10)
    assert (0, 0) in result.hidden
    assert len(result.hidden) >= 4  # a rectangle at least: no cell follows from the others
    assert recomputable(result) == set()
    assert result.shown(1, 3) == 150  # the untouched row total stays


@pytest.mark.parametrize("threshold", [0, 1, 4])
def test_the_threshold_is_never_below_five(threshold):
    with pytest.raises(ValueError):
        check_threshold(threshold)
    with pytest.raises(ValueError):
        suppress([[20]], threshold)


def test_bad_tables_are_refused():
    with pytest.raises(ValueError):
        suppress([[1, 2], [3]], 10)
    with pytest.raises(ValueError):
        suppress([[-1]], 10)


hidden_sets = st.tuples(st.integers(1, 5), st.integers(1, 5)).flatmap(
    lambda shape: st.tuples(
        st.just(shape),
        st.sets(st.tuples(st.integers(0, shape[0]), st.integers(0, shape[1]))),
    )
)


@settings(max_examples=400, deadline=None)
@given(hidden_sets)
def test_the_fast_test_agrees_with_the_algebra(shape_and_hidden):
    """`_determined` (bridges of the row-column graph) finds exactly the cells that plain
    Gaussian elimination finds, for any set of withheld cells in any table with margins."""
    (rows, columns), hidden = shape_and_hidden
    height, width = rows + 1, columns + 1
    assert _determined(set(hidden), height, width) == _determined_by_rank(
        set(hidden), height, width
    )


wide_tables = st.tuples(st.integers(1, 12), st.integers(1, 14)).flatmap(
    lambda shape: st.lists(
        st.lists(
            st.one_of(st.integers(0, 9), st.integers(0, 80)),
            min_size=shape[1],
            max_size=shape[1],
        ),
        min_size=shape[0],
        max_size=shape[0],
    )
)


@settings(max_examples=150, deadline=None)
@given(wide_tables, st.integers(MINIMUM_THRESHOLD, 12))
def test_wide_tables_publish_nothing_small_and_nothing_recomputable(counts, threshold):
    """Tables of the open data's shape (categories × a year of months): no published number
    under the threshold, none withheld that follows from the published ones, and every line
    of the table (totals included) holds no withheld number or at least two."""
    result = suppress(counts, threshold)
    height, width = len(result.values), len(result.values[0])
    for r in range(height):
        for c in range(width):
            shown = result.shown(r, c)
            assert shown is None or shown >= threshold
    assert recomputable(result) == set()
    for r in range(height):
        assert sum((r, c) in result.hidden for c in range(width)) != 1
    for c in range(width):
        assert sum((r, c) in result.hidden for r in range(height)) != 1


def test_a_year_of_categories_is_fast():
    counts = [[(r * 7 + c * 3) % 14 for c in range(12)] for r in range(15)]
    started = time.perf_counter()
    result = suppress(counts, 10)
    assert time.perf_counter() - started < 1.0
    assert recomputable(result) == set()
