"""Decision 0015 (one installation per municipality): each installation says the CBS code of
the municipalities it serves; the published open data carries it, valid against the schema."""

import json

import jsonschema
import pytest
from django.test import override_settings
from django.utils import timezone

from doorbraak.opendata import datasets, queries
from doorbraak.opendata.codes import parse_codes
from doorbraak.reports import figures
from tests.opendata.conftest import city
from tests.opendata.test_export import SCHEMA

__all__ = ["city"]


def test_codes_are_read_per_slug():
    assert parse_codes("") == {}
    assert parse_codes(" gemeente-utrecht=GM0344 , gemeente-zeist=GM0355") == {
        "gemeente-utrecht": "GM0344",
        "gemeente-zeist": "GM0355",
    }


@pytest.mark.parametrize(
    "text", ["utrecht=0344", "Gemeente Utrecht=GM0344", "a=GM0344,a=GM0355", "gemeente-x"]
)
def test_a_wrong_code_is_refused(text):
    with pytest.raises(ValueError, match="DOORBRAAK_MUNICIPALITY_CODES"):
        parse_codes(text)


def _document(municipality):
    period = figures.default_period(timezone.localdate())
    return json.loads(datasets.to_json(queries.build(municipality, period.start, period.end)))


def test_open_data_carries_the_configured_code(city):
    with override_settings(MUNICIPALITY_CODES={"gemeente-testdorp": "GM9999"}):
        document = _document(city["municipality"])
    assert document["gemeentecode"] == "GM9999"
    jsonschema.validate(document, SCHEMA)


def test_without_a_code_it_is_null_and_still_valid(city):
    with override_settings(MUNICIPALITY_CODES={}):
        document = _document(city["municipality"])
    assert document["gemeentecode"] is None
    jsonschema.validate(document, SCHEMA)
