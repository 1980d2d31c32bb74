"""Server-made SVG charts: well-formed, named for screen readers, escaped, proportional."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from doorbraak.reports import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart):
    root = ET.fromstring(chart.svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    assert root.get("role") == "img" and root.get("aria-label")
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    assert "style=" not in chart.svg  # the Content-Security-Policy forbids inline style
    return root


def widths(root):
    return [float(r.get("width")) for r in root.iter(f"{SVG}rect")]


def test_bars_are_proportional_and_labelled():
    chart = charts.bars(
        [("Tandarts", Decimal("400")), ("Huur", Decimal("200")), ("Leeg", Decimal("0"))],
        title="Uitgaven per categorie",
        fmt=lambda v: f"€ {v}",
    )
    root = parse(chart)
    first, second, third = widths(root)
    assert abs(first - 2 * second) < 0.2 and third == 0
    assert "Tandarts: € 400" in chart.summary


def test_text_is_escaped():
    chart = charts.bars([("<script>&", 3)], title="a<b", fmt=str)
    parse(chart)
    assert "<script>" not in chart.svg and "&lt;script&gt;&amp;" in chart.svg


def test_long_labels_end_on_a_word():
    chart = charts.bars(
        [("Bijzondere bijstand voor woonkosten en inrichting", 1)], title="t", fmt=str
    )
    label = [t.text for t in parse(chart).iter(f"{SVG}text")][0]
    assert label.endswith("…") and len(label) <= charts.LABEL_CHARS and not label[:-1].endswith(" ")


def test_empty_charts_are_valid():
    parse(charts.bars([], title="niets", fmt=str))
    parse(charts.stacked([], title="niets", parts=["a"], fmt=str))
    parse(charts.columns([], title="niets", series=["a"], fmt=str))


def test_stacked_parts_fill_the_largest_total():
    chart = charts.stacked(
        [("Potje A", [50, 30, 20]), ("Potje B", [0, 0, 50])],
        title="Benutting",
        parts=["betaald", "gereserveerd", "vrij"],
        fmt=str,
    )
    root = parse(chart)
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    a = sum(float(r.get("width")) for r in bars[:3])
    b = sum(float(r.get("width")) for r in bars[3:])
    assert abs(a - 2 * b) < 0.5
    assert "Potje A: betaald 50, gereserveerd 30, vrij 20" in chart.summary


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=30), st.lists(st.integers(0, 10**6), min_size=2, max_size=2)),
        max_size=40,
    )
)
def test_columns_always_parse_and_stay_inside(points):
    chart = charts.columns(points, title="Per maand", series=["voor", "na"], fmt=str)
    root = parse(chart)
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.get("y")) >= 0 and float(rect.get("height")) >= 0
        assert float(rect.get("x")) + float(rect.get("width")) <= charts.WIDTH + 0.5


@settings(max_examples=50)
@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=6))
def test_every_value_fits_after_its_bar(cents):
    """The value written after the longest bar (€ 111.673,28 in the demo was cut off) ends
    inside the chart, at the width of a digit of its font."""
    from doorbraak.ui import formatting

    rows = [(f"Betaler {i}", Decimal(c) / 100) for i, c in enumerate(cents)]
    root = parse(charts.bars(rows, title="Kosten en baten", fmt=formatting.euro))
    for text in root.iter(f"{SVG}text"):
        if text.get("class") == "db-chart__value":
            assert float(text.get("x")) + charts.VALUE_CHAR * len(text.text) <= charts.WIDTH


def test_every_part_carries_its_colour_for_print():
    """Presentation attributes (overridden by the page's CSS tokens) for the PDF renderer,
    which does not apply a page's CSS to an SVG; never a style attribute (CSP)."""
    chart = charts.stacked(
        [("Potje", [Decimal(1), Decimal(2), Decimal(3)])],
        title="Benutting",
        parts=["betaald", "gereserveerd", "vrij"],
        fmt=str,
    )
    root = parse(chart)
    fills = [r.get("fill") for r in root.iter(f"{SVG}rect")]
    assert fills[:3] == ["#01689b", "#e17000", "#999"]
    assert all(t.get("fill") and t.get("font-size") == "14" for t in root.iter(f"{SVG}text"))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=24),
    st.integers(0, 10**6),
)
def test_every_period_label_stays_inside(labels, value):
    """The first month's label was centred under a column at the edge and lost its first
    letters ("an. '26"): a label of a period (up to twelve characters) stays inside."""
    points = [(label, [value]) for label in labels]
    root = parse(charts.columns(points, title="Per maand", series=["uitgegeven"], fmt=str))
    for text in root.iter(f"{SVG}text"):
        if text.get("class") == "db-chart__label" and text.get("text-anchor") == "middle":
            half = charts.VALUE_CHAR * len(text.text or "") / 2
            assert half - 0.05 <= float(text.get("x")) <= charts.WIDTH - half + 0.05
