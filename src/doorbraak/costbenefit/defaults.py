"""The shipped default catalogue: kengetallen.csv (with sources) and the CBS-based index."""

import csv
from decimal import Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

#: Who mainly bears each default figure's costs (the CSV has no payer column).
DEFAULT_PAYERS = {
    "huisuitzetting_direct": "woningcorporatie",
    "multiprobleemgezin_jaar": "meerdere",
}


def default_figures() -> list[dict]:
    with open(DATA / "kengetallen.csv", newline="", encoding="utf-8") as handle:
        return [
            {
                "key": row["key"],
                "label": row["label_nl"],
                "amount": Decimal(row["amount_eur"]),
                "unit": row["unit"],
                "price_year": int(row["price_year"]),
                "source": row["source"],
                "note": row["note"],
                "payer": DEFAULT_PAYERS.get(row["key"], "gemeente"),
            }
            for row in csv.DictReader(handle)
        ]


def default_index() -> list[dict]:
    with open(DATA / "prijsindex.csv", newline="", encoding="utf-8") as handle:
        return [
            {"year": int(row["year"]), "index": Decimal(row["index"]), "source": row["source"]}
            for row in csv.DictReader(handle)
        ]


def load(figure_model, index_model) -> tuple[int, int]:
    """Add missing default figures and index years; never overwrite an edited value. Takes
    the model classes so the data migration can pass its historical models."""
    figures = [
        figure_model(**row)
        for row in default_figures()
        if not figure_model.objects.filter(key=row["key"], municipality=None).exists()
    ]
    figure_model.objects.bulk_create(figures)
    years = [
        index_model(**row)
        for row in default_index()
        if not index_model.objects.filter(year=row["year"]).exists()
    ]
    index_model.objects.bulk_create(years)
    return len(figures), len(years)
