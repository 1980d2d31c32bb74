"""The export of one municipality: no free text, nothing under the threshold, valid against the
committed JSON Schema, and a valid empty file (headers only) where there is nothing."""

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.test import override_settings
from django.utils import timezone

from doorbraak.accounts.models import Organisation, OrganisationKind
from doorbraak.opendata import apps, datasets, queries
from doorbraak.reports import figures

from .conftest import MARKERS

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "open-data.schema.json").read_text())


def _export(municipality):
    period = figures.default_period(timezone.localdate())
    doc = queries.build(municipality, period.start, period.end)
    files = {
        name: datasets.to_csv(name, doc["datasets"][name]["rijen"]) for name in datasets.DATASETS
    }
    return doc, datasets.to_json(doc), files


def test_no_free_text_reaches_any_file(city):
    assert len(MARKERS) > 30
    doc, text, files = _export(city["municipality"])
    everything = text + "".join(files.values())
    assert [m for m in MARKERS if m in everything] == []
    # ...while the export is not empty: names from the catalogues and counts are there.
    assert "Toeslag stopt bij spookbewoning" in files[datasets.PATTERNS]
    assert "Huisraad" in files[datasets.SPENDING]


def test_the_json_follows_the_committed_schema(city):
    _, text, _ = _export(city["municipality"])
    jsonschema.validate(json.loads(text), SCHEMA)


def test_the_schema_and_the_code_name_the_same_columns():
    for name, columns in datasets.COLUMNS.items():
        part = SCHEMA["properties"]["datasets"]["properties"][name]
        assert part["properties"]["kolommen"]["const"] == [c.name for c in columns]
        assert list(part["properties"]["rijen"]["items"]["properties"]) == [c.name for c in columns]


def _numbers(rows, *names):
    return [(row, name, row[name]) for row in rows for name in names]


@pytest.mark.parametrize("threshold", [5, 10, 13])
def test_no_published_number_counts_fewer_households_than_the_threshold(city, threshold):
    with override_settings(OPEN_DATA_MIN_CELL=threshold):
        doc, text, files = _export(city["municipality"])
    for name in (datasets.SPENDING, datasets.OUTCOMES):
        for row in doc["datasets"][name]["rijen"]:
            if row["huishoudens"] is datasets.WITHHELD:
                # the requests and the amount of a withheld cell go with it
                assert row["aanvragen"] is datasets.WITHHELD
                assert row["bedrag_eur"] is datasets.WITHHELD
            else:
                assert row["huishoudens"] >= threshold
    for row in doc["datasets"][datasets.PATTERNS]["rijen"]:
        assert row["huishoudens"] is datasets.WITHHELD or row["huishoudens"] >= threshold
    for row in doc["datasets"][datasets.SOLUTIONS]["rijen"]:
        for column in ("patroon_huishoudens", "nieuwe_huishoudens_12_maanden_voor",
                       "nieuwe_huishoudens_na"):  # fmt: skip
            value = row[column]
            assert value is None or value is datasets.WITHHELD or value >= threshold


def test_what_the_fixture_publishes_at_ten(city):
    doc, _, files = _export(city["municipality"])
    spending = doc["datasets"][datasets.SPENDING]["rijen"]
    month = f"{timezone.localdate():%Y-%m}"
    cell = {(r["categorie"], r["maand"]): r for r in spending}
    assert cell[("Reis", month)]["huishoudens"] is datasets.WITHHELD  # 3 households
    # Next to Reis, Huisraad's 12 and the month's total 15 would give Reis away: one goes.
    assert datasets.WITHHELD in (
        cell[("Huisraad", month)]["huishoudens"],
        cell[("totaal", month)]["huishoudens"],
    )
    # Reis's total (3) would follow from Huisraad's (12) and the grand total: one goes too.
    assert datasets.WITHHELD in (
        cell[("Huisraad", "totaal")]["huishoudens"],
        cell[("totaal", "totaal")]["huishoudens"],
    )
    grand = cell[("totaal", "totaal")]
    if grand["huishoudens"] is not datasets.WITHHELD:
        assert (grand["huishoudens"], grand["aanvragen"], grand["bedrag_eur"]) == (
            15,
            15,
            "1320.00",
        )
    lines = list(csv.reader(io.StringIO(files[datasets.SPENDING])))
    assert ["Reis", month, "x", "x", "x"] in lines
    (pattern,) = doc["datasets"][datasets.PATTERNS]["rijen"]
    assert (pattern["huishoudens"], pattern["casussen"]) == (12, 12)
    assert pattern["regel_catalogus"] == "Toeslag stopt bij spookbewoning"
    (solution,) = doc["datasets"][datasets.SOLUTIONS]["rijen"]
    assert solution["soort"] == "afspraak-partner" and solution["patroon_huishoudens"] == 12
    assert solution["afgesproken_op"] and solution["geevalueerd_op"] is None


def test_an_empty_municipality_gives_files_with_headers_only(db):
    empty = Organisation.objects.create(name="Gemeente Leeg", kind=OrganisationKind.MUNICIPALITY)
    doc, text, files = _export(empty)
    for name, body in files.items():
        assert body == ",".join(c.name for c in datasets.COLUMNS[name]) + "\r\n"
    jsonschema.validate(json.loads(text), SCHEMA)
    assert all(part["rijen"] == [] for part in doc["datasets"].values())


@pytest.mark.parametrize("value", [0, 4, "10"])
def test_a_threshold_below_five_stops_the_application(value):
    with override_settings(OPEN_DATA_MIN_CELL=value):
        assert [e.id for e in apps.check_min_cell()] == ["opendata.E001"]


def test_the_default_threshold_passes_the_check():
    assert apps.check_min_cell() == []
