"""The figures API answers what the committed OpenAPI documents (docs/api/openapi.yaml): a real
response of each scope is validated against the schema's `Figures` component, with no field
the schema does not name and every field it requires; a refused filter against its 400."""

import copy
from pathlib import Path

import jsonschema
import pytest
import yaml

from doorbraak.accounts.roles import Role
from tests.factories import UserFactory, api_for
from tests.reports import test_sections as sections

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"
PATH = "/api/v1/figures/"

town, corporation, counted = sections.town, sections.corporation, sections.counted


def _strict(node):
    """OpenAPI 3.0 to JSON Schema: `nullable` as a null type, and no property beyond those
    named (unless the schema allows more, as a dict of counts does)."""
    if isinstance(node, list):
        return [_strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _strict(v) for k, v in node.items()}
    if "$ref" in node:
        node["$ref"] = node["$ref"].replace("#/components/schemas/", "#/$defs/")
    if node.get("type") == "object" and "properties" in node:
        node.setdefault("additionalProperties", False)
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


@pytest.fixture(scope="module")
def openapi():
    return yaml.safe_load(SCHEMA.read_text())


def _validator(openapi, status: str):
    operation = openapi["paths"][PATH]["get"]
    schema = copy.deepcopy(operation["responses"][status]["content"]["application/json"])
    root = _strict(schema["schema"])
    root["$defs"] = _strict(openapi["components"]["schemas"])
    return jsonschema.Draft202012Validator(root)


def _valid(validator, data):
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_the_documented_filters_and_responses(openapi):
    operation = openapi["paths"][PATH]["get"]
    names = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
    assert names == {"start", "end", "team", "fund", "category"}
    assert {"200", "400", "401", "403"} <= set(operation["responses"])
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Figures"
    }


def test_every_scope_answers_the_schema(openapi, counted, town, team_a):
    validator = _validator(openapi, "200")
    users = [
        UserFactory(role=Role.TEAMLEIDER, team=team_a),
        UserFactory(role=Role.BELEIDSADVISEUR, organisation=town),
        UserFactory(role=Role.PROJECTLEIDER),
    ]
    for user in users:
        response = api_for(user).get(PATH + sections.PERIOD)
        assert response.status_code == 200
        _valid(validator, response.json())
    filtered = api_for(users[1]).get(f"{PATH}{sections.PERIOD}&team={team_a.pk}").json()
    _valid(validator, filtered)
    assert filtered["team"] == team_a.pk and filtered["breakthroughs"] == 89
    # every documented field is there (none left out for any scope)
    documented = set(openapi["components"]["schemas"]["Figures"]["properties"])
    assert set(filtered) == documented


def test_refused_filters_answer_the_schema(openapi, counted, team_a, team_b):
    validator = _validator(openapi, "400")
    other = UserFactory(role=Role.TEAMLEIDER, team=team_b)
    for query in (
        f"{sections.PERIOD}&team={team_a.pk}",
        "?start=2026-12-01&end=2026-01-01",
        "?start=kapot&end=2026-01-01&fund=999999&category=kapot",
    ):
        response = api_for(other).get(PATH + query)
        assert response.status_code == 400
        _valid(validator, response.json())
