"""The open-data datasets (issue 15, item 4): their columns, and how raw aggregates become
published rows with small-cell suppression. Pure Python, no Django import: queries.py reads
the counts from the database, this module decides what may be published, and serialises it as
CSV (one file per dataset) and JSON. docs/open-data.md describes every column;
docs/open-data.schema.json is the JSON's schema (tests/opendata check both against this
module).

What is never published: free text (only ids, enumerations, catalogue names, counts, amounts
and dates go in), and any number that counts fewer than `threshold` households, or that
would let such a number be recomputed from the totals (reports/suppression.py). The counts
of requests and the amounts of a cell go with its household count: fewer than `threshold`
households, and they are withheld too."""

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from doorbraak.reports import suppression

#: A withheld number: "x" in CSV (as CBS writes "geheim"), null in JSON. A value that does not
#: apply (no catalogue rule, a step not yet taken) is None: empty in CSV, null in JSON.
SUPPRESSED_CSV = "x"


class _Withheld:
    def __repr__(self) -> str:
        return "WITHHELD"


WITHHELD = _Withheld()
TOTAL = "totaal"
SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # "integer", "string", "date", "month", "decimal"
    nullable: bool = False  # may be withheld (suppressed) or not apply


PATTERNS = "patronen"
SOLUTIONS = "structurele-oplossingen"
SPENDING = "uitgaven-per-categorie"
OUTCOMES = "uitkomsten"

COLUMNS: dict[str, tuple[Column, ...]] = {
    PATTERNS: (
        Column("patroon", "string"),
        Column("organisatie", "string"),
        Column("regel_catalogus", "string", nullable=True),
        Column("status", "string"),
        Column("gevonden_maand", "month"),
        Column("eerste_maand", "month", nullable=True),
        Column("laatste_maand", "month", nullable=True),
        Column("casussen", "integer", nullable=True),
        Column("huishoudens", "integer", nullable=True),
    ),
    SOLUTIONS: (
        Column("oplossing", "string"),
        Column("patroon", "string"),
        Column("soort", "string"),
        Column("status", "string"),
        Column("organisatie", "string"),
        Column("voorgesteld_op", "date"),
        Column("afgesproken_op", "date", nullable=True),
        Column("ingevoerd_op", "date", nullable=True),
        Column("geevalueerd_op", "date", nullable=True),
        Column("patroon_casussen", "integer", nullable=True),
        Column("patroon_huishoudens", "integer", nullable=True),
        Column("nieuwe_huishoudens_12_maanden_voor", "integer", nullable=True),
        Column("nieuwe_huishoudens_na", "integer", nullable=True),
        Column("maanden_na", "integer", nullable=True),
        Column("per_maand_voor", "decimal", nullable=True),
        Column("per_maand_na", "decimal", nullable=True),
    ),
    SPENDING: (
        Column("categorie", "string"),
        Column("maand", "string"),
        Column("huishoudens", "integer", nullable=True),
        Column("aanvragen", "integer", nullable=True),
        Column("bedrag_eur", "decimal", nullable=True),
    ),
    OUTCOMES: (
        Column("uitkomst", "string"),
        Column("kwartaal", "string"),
        Column("huishoudens", "integer", nullable=True),
        Column("aanvragen", "integer", nullable=True),
        Column("bedrag_eur", "decimal", nullable=True),
    ),
}

DATASETS = tuple(COLUMNS)


# --- inputs (what queries.py reads) -------------------------------------------------------


@dataclass(frozen=True)
class PatternIn:
    reference: str
    organisation: str
    catalogue_rule: str | None
    status: str
    found_month: str  # YYYY-MM
    first_month: str | None
    last_month: str | None
    cases: int
    households: int


@dataclass(frozen=True)
class SolutionIn:
    reference: str
    pattern: str
    kind: str
    status: str
    organisation: str
    proposed_on: str  # ISO dates
    agreed_on: str | None
    implemented_on: str | None
    evaluated_on: str | None
    pattern_cases: int
    pattern_households: int
    #: new households of the pattern in the 12 months before implementation, and after it;
    #: None before it is implemented
    before: int | None
    after: int | None
    months_after: int | None


@dataclass(frozen=True)
class Cell:
    """One cell of a two-way table: distinct households, requests and their amount."""

    households: int = 0
    requests: int = 0
    amount: Decimal = Decimal("0.00")


# --- suppression ----------------------------------------------------------------------------


def _hidden(count: int, threshold: int) -> bool:
    return count < threshold


def pattern_rows(patterns: Iterable[PatternIn], threshold: int) -> list[dict]:
    """One row per pattern. No totals are published, so only its own count protects a
    pattern: fewer than `threshold` households, and both counts are withheld, and the months
    of its first and last blocker with them."""
    rows = []
    for p in patterns:
        hide = _hidden(p.households, threshold)
        rows.append(
            {
                "patroon": p.reference,
                "organisatie": p.organisation,
                "regel_catalogus": p.catalogue_rule or None,
                "status": p.status,
                "gevonden_maand": p.found_month,
                # the months of the first and last blocker tell of single households too
                "eerste_maand": WITHHELD if hide else p.first_month,
                "laatste_maand": WITHHELD if hide else p.last_month,
                "casussen": WITHHELD if hide else p.cases,
                "huishoudens": WITHHELD if hide else p.households,
            }
        )
    return rows


def _per_month(count, months: int | None):
    if count is WITHHELD:
        return WITHHELD
    if count is None or not months:
        return None
    return str((Decimal(count) / Decimal(months)).quantize(Decimal("0.1")))


def solution_rows(solutions: Iterable[SolutionIn], threshold: int) -> list[dict]:
    """One row per solution. Before and after are two parts of the pattern's households: if
    one of them is withheld the other is too (else the pattern's count, when every household
    falls in the two windows, would give it away)."""
    rows = []
    for s in solutions:
        hide_pattern = _hidden(s.pattern_households, threshold)
        before, after = s.before, s.after
        if (
            before is not None
            and after is not None
            and (_hidden(before, threshold) or _hidden(after, threshold) or hide_pattern)
        ):
            before = after = WITHHELD
        rows.append(
            {
                "oplossing": s.reference,
                "patroon": s.pattern,
                "soort": s.kind,
                "status": s.status,
                "organisatie": s.organisation,
                "voorgesteld_op": s.proposed_on,
                "afgesproken_op": s.agreed_on,
                "ingevoerd_op": s.implemented_on,
                "geevalueerd_op": s.evaluated_on,
                "patroon_casussen": WITHHELD if hide_pattern else s.pattern_cases,
                "patroon_huishoudens": WITHHELD if hide_pattern else s.pattern_households,
                "nieuwe_huishoudens_12_maanden_voor": before,
                "nieuwe_huishoudens_na": after,
                "maanden_na": s.months_after,
                "per_maand_voor": _per_month(before, 12 if s.months_after is not None else None),
                "per_maand_na": _per_month(after, s.months_after),
            }
        )
    return rows


def table_rows(
    row_keys: Sequence[str],
    column_keys: Sequence[str],
    cells: dict[tuple[str, str], Cell],
    threshold: int,
    row_name: str,
    column_name: str,
) -> list[dict]:
    """A two-way table (e.g. category × month) with its totals, as published rows: every
    cell, then each row's total (column "totaal"), each column's total (row "totaal") and the
    grand total. A total is the sum of its cells (a household with requests in two months
    counts in both). Which cells are withheld is decided on the household counts
    (reports/suppression.py: primary and complementary), and a withheld cell's requests and
    amount are withheld with it."""
    if not row_keys or not column_keys:
        return []
    counts = [[cells.get((r, c), Cell()).households for c in column_keys] for r in row_keys]
    result = suppression.suppress(counts, threshold)
    height, width = len(row_keys), len(column_keys)

    def cell_at(i: int, j: int) -> Cell:
        rows_ = range(height) if i == height else [i]
        cols_ = range(width) if j == width else [j]
        parts = [cells.get((row_keys[a], column_keys[b]), Cell()) for a in rows_ for b in cols_]
        return Cell(
            households=sum(p.households for p in parts),
            requests=sum(p.requests for p in parts),
            amount=sum((p.amount for p in parts), Decimal("0.00")),
        )

    out = []
    order = [(i, j) for i in range(height) for j in range(width)]
    order += [(i, width) for i in range(height)]
    order += [(height, j) for j in range(width)] + [(height, width)]
    for i, j in order:
        cell = cell_at(i, j)
        hide = (i, j) in result.hidden
        out.append(
            {
                row_name: TOTAL if i == height else row_keys[i],
                column_name: TOTAL if j == width else column_keys[j],
                "huishoudens": WITHHELD if hide else cell.households,
                "aanvragen": WITHHELD if hide else cell.requests,
                "bedrag_eur": WITHHELD if hide else f"{cell.amount:.2f}",
            }
        )
    return out


# --- serialising ----------------------------------------------------------------------------


def suppressed_cells(dataset: str, rows: Sequence[dict]) -> int:
    """How many numbers of the dataset are withheld (a withheld count, not a missing date)."""
    numbers = [c.name for c in COLUMNS[dataset] if c.type in ("integer", "decimal")]
    return sum(1 for row in rows for name in numbers if row.get(name) is WITHHELD)


def to_csv(dataset: str, rows: Sequence[dict]) -> str:
    """CSV with a header line always (an empty dataset is a valid file with headers). A
    withheld number is "x"; a value that does not apply (no catalogue rule, a step not yet
    taken) is empty."""
    columns = COLUMNS[dataset]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        line = []
        for column in columns:
            value = row.get(column.name)
            if value is WITHHELD:
                line.append(SUPPRESSED_CSV)
            elif value is None:
                line.append("")
            else:
                line.append(str(value))
        writer.writerow(line)
    return out.getvalue()


def document(
    municipality: str,
    slug: str,
    generated_at: str,
    period_start: str,
    period_end: str,
    threshold: int,
    datasets: dict[str, list[dict]],
    code: str | None = None,
) -> dict:
    """The JSON document of one export (docs/open-data.schema.json); `code` the CBS
    gemeentecode when the installation knows it (opendata/codes.py)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "gemeente": municipality,
        "gemeente_slug": slug,
        "gemeentecode": code,
        "gegenereerd_op": generated_at,
        "periode_van": period_start,
        "periode_tot_en_met": period_end,
        "minimum_huishoudens": threshold,
        "datasets": {
            name: {
                "kolommen": [c.name for c in COLUMNS[name]],
                "onderdrukt": suppressed_cells(name, datasets.get(name, [])),
                "rijen": datasets.get(name, []),
            }
            for name in DATASETS
        },
    }


def _null(value):
    if value is WITHHELD:
        return None
    raise TypeError(f"{type(value).__name__} is not published")


def to_json(doc: dict) -> str:
    """The document as JSON: a withheld number is null."""
    return json.dumps(doc, ensure_ascii=False, indent=1, default=_null)


def display(value) -> str:
    """A value as the preview shows it: "x" withheld, "" not applicable."""
    if value is WITHHELD:
        return SUPPRESSED_CSV
    return "" if value is None else str(value)
