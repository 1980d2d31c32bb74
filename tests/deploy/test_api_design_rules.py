"""The NL API Design Rules (Logius, ADR 2.x core) checked on the committed OpenAPI schema.

Logius publishes these rules as a Spectral ruleset; Spectral (npm) would have to fetch that
ruleset from the web at run time, which neither this machine nor CI can do. So the rules that
can be checked on the schema are implemented here (decision 0014). Each rule either holds, or
is a documented deviation whose exact extent is asserted, so the schema can neither drift
further from a rule nor silently come to follow it without the decision being updated.
"""

import re
from pathlib import Path

import pytest
import yaml

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
STANDARD = {"get", "put", "post", "delete", "patch"}  # /core/http-methods (head, options too)
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$"
)
# ADR "paths-kebab-case": lowercase words with hyphens, path parameters in lowercase.
SEGMENT = re.compile(r"^([a-z][a-z0-9]*(-[a-z0-9]+)*|\{[a-z][a-z0-9_]*\})$")


@pytest.fixture(scope="module")
def schema():
    return yaml.safe_load(SCHEMA.read_text())


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_openapi_3(schema):
    # /core/doc-openapi: the API is described in OpenAPI 3
    assert schema["openapi"].startswith("3.")


def test_uri_version_major_version_in_every_path(schema):
    # /core/uri-version: the major version in the URI (in our paths; the schema has no servers)
    wrong = [p for p in schema["paths"] if not p.startswith("/api/v1/")]
    assert wrong == []
    for server in schema.get("servers", []):
        assert re.search(r"/v\d+", server["url"]), server


def test_semver_version(schema):
    # /core/semver
    assert SEMVER.match(schema["info"]["version"]), schema["info"]["version"]


def test_only_standard_http_methods(schema):
    # /core/http-methods
    used = {method for _, method, _ in operations(schema)}
    assert used <= STANDARD | {"head", "options"}, used


def test_path_segments_are_kebab_case(schema):
    # ADR ruleset "paths-kebab-case" (/core/naming-resources)
    wrong = []
    for path in schema["paths"]:
        for segment in path.strip("/").split("/"):
            if not SEGMENT.match(segment):
                wrong.append((path, segment))
    assert wrong == []


def test_schema_names_are_pascal_case(schema):
    # ADR ruleset "schema-camel-case"
    wrong = [n for n in schema["components"]["schemas"] if not re.match(r"^[A-Z][A-Za-z0-9]*$", n)]
    assert wrong == []


def test_no_verbs_for_crud_in_paths(schema):
    # /core/naming-resources: resources are nouns; CRUD is the HTTP method. Actions that are
    # not CRUD (vote, decide, cancel) are allowed as sub-resources by the rules.
    crud = {"get", "create", "update", "delete", "list", "add", "remove"}
    wrong = [p for p in schema["paths"] if set(p.strip("/").split("/")) & crud]
    assert wrong == []


# Documented deviations (docs/decisions/0014-api-design-rules.md). Each test asserts the
# deviation is exactly as documented.


def test_deviation_trailing_slash_is_uniform(schema):
    # /core/no-trailing-slash is NOT followed: Django REST framework's routers end every path
    # with "/" (and redirect none of them). Decision 0014: uniform, so a client can rely on it.
    without = [p for p in schema["paths"] if not p.endswith("/")]
    assert without == [], "mixed: either all paths end with / (decision 0014) or none"


def test_version_header_on_every_response(schema):
    # /core/version-header: every response declares the API-Version header with the full
    # version (doorbraak.api.version; the middleware is tested in tests/scale/test_api_version.py)
    missing = []
    for path, method, operation in operations(schema):
        for status, response in operation.get("responses", {}).items():
            if "API-Version" not in (response.get("headers") or {}):
                missing.append((path, method, status))
    assert missing == []


def test_deviation_error_bodies_are_json_not_problem_json(schema):
    # "use-problem-schema" (RFC 9457) is NOT followed: errors are application/json with a
    # Dutch "detail" (doorbraak.api.exceptions). Decision 0014.
    types = set()
    for _, _, operation in operations(schema):
        for status, response in operation.get("responses", {}).items():
            if str(status).startswith(("4", "5")):
                types |= set((response.get("content") or {}).keys())
    assert types <= {"application/json", "application/problem+json"}, types


def test_deviation_property_names_are_snake_case(schema):
    # "property-casing" (lowerCamelCase) is NOT followed: Django REST framework's snake_case,
    # consistently. Decision 0014. No property may be camelCase and snake_case mixed.
    names = set()
    for component in schema["components"]["schemas"].values():
        names |= set((component.get("properties") or {}).keys())
    camel = [n for n in names if re.search(r"[a-z][A-Z]", n)]
    assert camel == [], camel
    assert all(re.match(r"^[a-z][a-z0-9_]*$", n) for n in names), sorted(names)[:20]
