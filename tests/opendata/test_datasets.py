"""The pure rules of the open data (opendata/datasets.py), without a database: for random
tables, no published count under the threshold, withheld counts take their requests and
amounts with them, and no withheld count follows from the published cells and totals."""

import csv
import io
import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from doorbraak.opendata import datasets
from doorbraak.opendata.datasets import WITHHELD, Cell, PatternIn, SolutionIn

cells = st.builds(
    Cell,
    households=st.integers(0, 30),
    requests=st.integers(0, 40),
    amount=st.decimals(0, 5000, places=2, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 6),
    st.integers(1, 12),
    st.data(),
    st.integers(5, 12),
)
def test_tables_publish_nothing_small_and_nothing_recomputable(rows, columns, data, threshold):
    row_keys = [f"r{i}" for i in range(rows)]
    column_keys = [f"2026-{m + 1:02d}" for m in range(columns)]
    table = {(r, c): data.draw(cells) for r in row_keys for c in column_keys}
    published = datasets.table_rows(row_keys, column_keys, table, threshold, "categorie", "maand")
    assert len(published) == (rows + 1) * (columns + 1)
    by_key = {(p["categorie"], p["maand"]): p for p in published}
    for p in published:
        if p["huishoudens"] is WITHHELD:
            assert p["aanvragen"] is WITHHELD and p["bedrag_eur"] is WITHHELD
        else:
            assert p["huishoudens"] >= threshold
    # Every line of the table (totals included) has no withheld count or at least two.
    for r in [*row_keys, datasets.TOTAL]:
        line = [by_key[(r, c)] for c in [*column_keys, datasets.TOTAL]]
        assert sum(p["huishoudens"] is WITHHELD for p in line) != 1
    for c in [*column_keys, datasets.TOTAL]:
        line = [by_key[(r, c)] for r in [*row_keys, datasets.TOTAL]]
        assert sum(p["huishoudens"] is WITHHELD for p in line) != 1
    # Totals are the sums of their cells (published ones checked against the raw table).
    grand = by_key[(datasets.TOTAL, datasets.TOTAL)]
    if grand["bedrag_eur"] is not WITHHELD:
        assert Decimal(grand["bedrag_eur"]) == sum(c.amount for c in table.values())


def test_an_empty_table_has_no_rows_and_a_header():
    assert datasets.table_rows([], ["2026-01"], {}, 10, "categorie", "maand") == []
    assert (
        datasets.to_csv(datasets.SPENDING, [])
        == "categorie,maand,huishoudens,aanvragen,bedrag_eur\r\n"
    )


def _pattern(households, cases=None):
    return PatternIn("P-00001", "UWV", None, "bevestigd", "2026-01", "2025-03", "2026-01",
                     cases or households, households)  # fmt: skip


def test_a_small_pattern_withholds_its_counts_and_months():
    (row,) = datasets.pattern_rows([_pattern(9, 11)], 10)
    assert row["huishoudens"] is WITHHELD and row["casussen"] is WITHHELD
    assert row["eerste_maand"] is WITHHELD and row["regel_catalogus"] is None
    line = datasets.to_csv(datasets.PATTERNS, [row]).splitlines()[1]
    assert line == "P-00001,UWV,,bevestigd,2026-01,x,x,x,x"
    (row,) = datasets.pattern_rows([_pattern(10)], 10)
    assert (row["huishoudens"], row["eerste_maand"]) == (10, "2025-03")


def _solution(before, after, households=40, months=6):
    return SolutionIn("SO-00001", "P-00001", "regelwijziging", "ingevoerd", "UWV",
                      "2026-01-05", "2026-02-01", "2026-03-01", None, households, households,
                      before, after, months)  # fmt: skip


def test_before_and_after_go_together():
    (row,) = datasets.solution_rows([_solution(24, 12)], 10)
    assert (row["nieuwe_huishoudens_12_maanden_voor"], row["nieuwe_huishoudens_na"]) == (24, 12)
    assert (row["per_maand_voor"], row["per_maand_na"]) == ("2.0", "2.0")
    (row,) = datasets.solution_rows([_solution(30, 3)], 10)
    assert row["nieuwe_huishoudens_12_maanden_voor"] is WITHHELD
    assert row["nieuwe_huishoudens_na"] is WITHHELD and row["per_maand_voor"] is WITHHELD
    (row,) = datasets.solution_rows([_solution(None, None, months=None)], 10)
    assert row["nieuwe_huishoudens_na"] is None and row["per_maand_na"] is None


def test_withheld_is_x_in_csv_and_null_in_json():
    (row,) = datasets.pattern_rows([_pattern(3)], 10)
    doc = datasets.document("G", "g", "2026-12-01T00:00:00+00:00", "2026-01-01", "2026-12-01",
                            10, {datasets.PATTERNS: [row]})  # fmt: skip
    parsed = json.loads(datasets.to_json(doc))
    assert parsed["datasets"]["patronen"]["rijen"][0]["huishoudens"] is None
    assert parsed["datasets"]["patronen"]["onderdrukt"] == 2
    assert list(csv.reader(io.StringIO(datasets.to_csv(datasets.PATTERNS, [row]))))[1][-1] == "x"
