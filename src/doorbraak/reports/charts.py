"""Charts as SVG made on the server: readable without JavaScript, printable in the yearly
report PDF, and allowed by the strict Content-Security-Policy (no inline style: colours come
from classes in doorbraak.css, which take the NL Design System tokens).

Each chart is an `<svg role="img">` with a `<title>` and a `<desc>`; the page shows the same
figures in a table beside it and a sentence that says what the chart shows (the template
`reports/chart.html`). Three kinds cover the dashboards:

- `bars`: one value per label, horizontal (long Dutch category names fit on a phone);
- `stacked`: parts of a whole per label (a fund's budget: paid, reserved, free);
- `columns`: one or two values per month (spending per month, cases per month before and
  after a structural solution).

Pure Python, no Django import. Values are numbers (int or Decimal); `fmt` turns one into the
text shown on the chart (the caller formats money and counts the Dutch way)."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape as _escape

Number = int | Decimal

# A narrow drawing (400 units) so that on a phone (about 340 px) the 14-unit text stays
# about 12 px; on a wide screen the CSS caps the chart at 30rem.
ROW = 28  # height of one bar row
LABEL_WIDTH = 130  # room for a label left of the bars
WIDTH = 400
PAD = 8
LABEL_CHARS = 15  # what fits in LABEL_WIDTH at 14 units per letter height
#: the width of one digit or letter at 14 units (Arial, Liberation Sans: 0.56 em)
VALUE_CHAR = 8


#: Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/FFFF).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    """Text for the SVG: escaped, without characters an XML parser would refuse."""
    return _escape(_NOT_XML.sub("", str(text)))


@dataclass(frozen=True)
class Chart:
    svg: str
    #: the figures in words (also the SVG's description), for screen readers and print
    summary: str


#: Presentation attributes per class: the colours of the NL Design System's fallbacks. A page's
#: CSS (the tokens, app.css) overrides them; the yearly report's PDF (WeasyPrint, which does
#: not apply an HTML page's CSS to an SVG) draws with them.
PAINT = {
    "db-chart__label": 'fill="#222" font-size="14"',
    "db-chart__value": 'fill="#555" font-size="14"',
    "db-chart__axis": 'stroke="#888" stroke-width="1"',
    "db-chart__series-1": 'fill="#01689b"',
    "db-chart__series-2": 'fill="#e17000"',
    "db-chart__series-3": 'fill="#999"',
}
_CLASS = re.compile(r'class="((?:[^"]* )?(db-chart__[a-z0-9-]+))"')


def _painted(match: re.Match) -> str:
    paint = PAINT.get(match.group(2))
    return f'class="{match.group(1)}"' + (f" {paint}" if paint else "")


def _svg(title: str, desc: str, height: int, body: list[str]) -> str:
    return (
        f'<svg class="db-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'preserveAspectRatio="xMinYMin meet" aria-label="{escape(title)}" focusable="false">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>"
        + _CLASS.sub(_painted, "".join(body))
        + "</svg>"
    )


def _scale(largest: Number, room: float) -> Callable[[Number], float]:
    if largest <= 0:
        return lambda value: 0.0
    return lambda value: float(value) / float(largest) * room


def _clip(label: str, limit: int = LABEL_CHARS) -> str:
    """Labels longer than the room end in an ellipsis on a word boundary; the full text is in
    the data table beside the chart."""
    if len(label) <= limit:
        return label
    cut = label[: limit - 1].rsplit(" ", 1)[0] or label[: limit - 1]
    return cut + "…"


def bars(rows: Sequence[tuple[str, Number]], *, title: str, fmt: Callable[[Number], str]) -> Chart:
    """One horizontal bar per (label, value), largest first as given."""
    height = max(1, len(rows)) * ROW + 2 * PAD
    texts = [fmt(value) for _, value in rows]
    # the value is written after its bar: leave room for the longest one (€ 111.673,28)
    room = WIDTH - LABEL_WIDTH - max(80, 6 + VALUE_CHAR * max(map(len, texts), default=0))
    scale = _scale(max((value for _, value in rows), default=0), room)
    body = []
    for i, ((label, value), text) in enumerate(zip(rows, texts, strict=True)):
        y = PAD + i * ROW
        w = max(scale(value), 1.0 if value else 0.0)
        body.append(
            _row_label(y, label)
            + f'<rect class="db-chart__bar db-chart__series-1" x="{LABEL_WIDTH}" y="{y + 5}" '
            f'width="{w:.1f}" height="{ROW - 10}"/>'
            f'<text class="db-chart__value" x="{LABEL_WIDTH + w + 6:.1f}" y="{y + 18}">'
            f"{escape(text)}</text>"
        )
    desc = "; ".join(f"{label}: {fmt(value)}" for label, value in rows)
    return Chart(_svg(title, desc, height, body), desc)


def stacked(
    rows: Sequence[tuple[str, Sequence[Number]]],
    *,
    title: str,
    parts: Sequence[str],
    fmt: Callable[[Number], str],
) -> Chart:
    """Per label one bar split into `parts` (the same order in every row), full width = the
    largest total."""
    height = max(1, len(rows)) * ROW + 2 * PAD + ROW  # a legend row below
    room = WIDTH - LABEL_WIDTH - 20
    scale = _scale(max((sum(values) for _, values in rows), default=0), room)
    body = []
    for i, (label, values) in enumerate(rows):
        y = PAD + i * ROW
        x = float(LABEL_WIDTH)
        body.append(_row_label(y, label))
        for n, value in enumerate(values):
            w = scale(value)
            body.append(
                f'<rect class="db-chart__bar db-chart__series-{n + 1}" x="{x:.1f}" '
                f'y="{y + 5}" width="{w:.1f}" height="{ROW - 10}">'
                f"<title>{escape(parts[n])}: {escape(fmt(value))}</title></rect>"
            )
            x += w
    body.append(_legend(parts, PAD + len(rows) * ROW + 4))
    desc = _describe(rows, parts, fmt)
    return Chart(_svg(title, desc, height, body), desc)


def columns(
    points: Sequence[tuple[str, Sequence[Number]]],
    *,
    title: str,
    series: Sequence[str],
    fmt: Callable[[Number], str],
) -> Chart:
    """Vertical columns per period label (months), one column per series side by side."""
    chart_height = 180
    top_room = 20  # the largest value is written above the columns
    height = top_room + chart_height + 3 * PAD + ROW + (ROW if len(series) > 1 else 0)
    left = 4
    slot = (WIDTH - left - PAD) / max(1, len(points))
    width = max(2.0, (slot - 4) / max(1, len(series)))
    scale = _scale(max((v for _, values in points for v in values), default=0), chart_height)
    base = PAD + top_room + chart_height
    body = [
        f'<line class="db-chart__axis" x1="{left}" y1="{base}" x2="{WIDTH - PAD}" y2="{base}"/>'
    ]
    step = -(-len(points) // 6) if points else 1  # at most six period labels under the axis
    for i, (label, values) in enumerate(points):
        x0 = left + i * slot + 2
        for n, value in enumerate(values):
            h = scale(value)
            body.append(
                f'<rect class="db-chart__bar db-chart__series-{n + 1}" '
                f'x="{x0 + n * width:.1f}" y="{base - h:.1f}" width="{width:.1f}" '
                f'height="{h:.1f}"><title>{escape(label)}, {escape(series[n])}: '
                f"{escape(fmt(value))}</title></rect>"
            )
        if i % step == 0:
            # centred under its column, but never past an edge ("jan. '26" lost its "j")
            half = VALUE_CHAR * len(label) / 2
            x = min(max(x0 + slot / 2 - 2, half), WIDTH - half)
            body.append(
                f'<text class="db-chart__label" x="{x:.1f}" y="{base + 18}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    top = max((v for _, values in points for v in values), default=0)
    if top:
        body.append(
            f'<line class="db-chart__axis" x1="{left}" y1="{base - chart_height}" x2="{left}" '
            f'y2="{base}"/><text class="db-chart__value" x="{left}" y="{PAD + 10}">'
            f"{escape(fmt(top))}</text>"
        )
    if len(series) > 1:
        body.append(_legend(series, base + ROW + 4))
    desc = _describe(points, series, fmt)
    return Chart(_svg(title, desc, height, body), desc)


def _row_label(y: float, label: str) -> str:
    """The label left of a horizontal bar, right-aligned, clipped to the room."""
    return (
        f'<text class="db-chart__label" x="{LABEL_WIDTH - 8}" y="{y + 18}" '
        f'text-anchor="end">{escape(_clip(label))}</text>'
    )


def _describe(rows, names: Sequence[str], fmt: Callable[[Number], str]) -> str:
    """The figures in words: "label: name value, name value; label: …"."""
    return "; ".join(
        f"{label}: " + ", ".join(f"{n} {fmt(v)}" for n, v in zip(names, values, strict=True))
        for label, values in rows
    )


def _legend(names: Sequence[str], y: float) -> str:
    parts, x = [], float(LABEL_WIDTH)
    for n, name in enumerate(names):
        parts.append(
            f'<rect class="db-chart__bar db-chart__series-{n + 1}" x="{x:.1f}" y="{y}" '
            f'width="12" height="12"/><text class="db-chart__label" x="{x + 16:.1f}" '
            f'y="{y + 11}">{escape(name)}</text>'
        )
        x += 24 + 8 * len(name)
        if x > WIDTH - 60:  # the next name on a new line
            x, y = float(LABEL_WIDTH), y + 16
    return "".join(parts)
