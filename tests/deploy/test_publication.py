"""Publication conventions (Standaard voor Publieke Code; issue 19, item 7): publiccode.yml
against the publiccode.yml standard v0.4 (the keys and values it marks mandatory, checked
here: the official validator is a Go program not installable from our registries), the
changelog in Keep a Changelog form, and one version everywhere it is written."""

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

# publiccode.yml v0.4, docs "The Standard (core)": allowed values of the enumerated keys.
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPE = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
MAINTENANCE_TYPE = {"internal", "contract", "community", "none"}
PLATFORMS = {"web", "windows", "mac", "linux", "ios", "android"}
# The standard's controlled vocabulary of categories (categories-list), the part we may use.
CATEGORIES = {
    "accounting",
    "budgeting",
    "business-intelligence",
    "business-process-management",
    "collaboration",
    "compliance-management",
    "content-management",
    "data-analytics",
    "data-collection",
    "data-visualization",
    "document-management",
    "financial-reporting",
    "grant-management",
    "knowledge-management",
    "payment-gateway",
    "project-management",
    "task-management",
    "workflow-management",
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def publiccode():
    # YAML 1.1 would read an unquoted date as a date and "yes" as a boolean: read the text.
    return yaml.safe_load((ROOT / "publiccode.yml").read_text())


def test_publiccode_mandatory_top_level_keys(publiccode):
    for key in (
        "publiccodeYmlVersion",
        "name",
        "url",
        "platforms",
        "categories",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
    ):
        assert key in publiccode, key
    assert publiccode["publiccodeYmlVersion"] == "0.4"
    assert publiccode["url"].startswith("https://")
    # releaseDate is mandatory once there is a softwareVersion
    if "softwareVersion" in publiccode:
        assert isinstance(publiccode["releaseDate"], str) and DATE.match(publiccode["releaseDate"])
        date.fromisoformat(publiccode["releaseDate"])


def test_publiccode_enumerated_values(publiccode):
    assert publiccode["developmentStatus"] in DEVELOPMENT_STATUS
    assert publiccode["softwareType"] in SOFTWARE_TYPE
    assert set(publiccode["platforms"]) <= PLATFORMS
    assert publiccode["categories"] and set(publiccode["categories"]) <= CATEGORIES
    assert publiccode["maintenance"]["type"] in MAINTENANCE_TYPE


def test_publiccode_description_per_language(publiccode):
    description = publiccode["description"]
    assert description, "at least one language"
    for lang, text in description.items():
        assert re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", lang), lang  # BCP 47, primary subtag
        assert len(text["genericName"]) <= 35
        assert len(text["shortDescription"]) <= 150
        assert 500 <= len(text["longDescription"]) <= 10000
        assert text["features"] and all(len(f) <= 100 for f in text["features"])
        for key in ("documentation", "apiDocumentation"):
            if key in text:
                assert text[key].startswith("https://")


def test_publiccode_legal_maintenance_localisation(publiccode):
    assert publiccode["legal"]["license"] == "EUPL-1.2"  # an SPDX id, the same as pyproject's
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert publiccode["legal"]["license"] == pyproject["project"]["license"]
    maintenance = publiccode["maintenance"]
    if maintenance["type"] in {"internal", "community"}:
        assert maintenance["contacts"] and all("name" in c for c in maintenance["contacts"])
    if maintenance["type"] == "contract":
        assert all({"name", "until"} <= set(c) for c in maintenance["contractors"])
    localisation = publiccode["localisation"]
    assert isinstance(localisation["localisationReady"], bool)
    assert "nl" in localisation["availableLanguages"]
    for dependency in publiccode.get("dependsOn", {}).get("open", []):
        assert "name" in dependency


def test_changelog_keeps_a_changelog():
    text = (ROOT / "CHANGELOG.md").read_text()
    assert text.startswith("# Changelog")
    assert "## [Unreleased]" in text
    versions = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, re.M)
    assert versions, "released versions as '## [x.y.z] - YYYY-MM-DD'"
    dates = [date.fromisoformat(d) for _, d in versions]
    assert dates == sorted(dates, reverse=True), "newest first"
    for heading in re.findall(r"^### (.+)$", text, re.M):
        assert heading in {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    for version, _ in versions:
        assert f"[{version}]: " in text, f"link for {version}"


def test_one_version_everywhere(publiccode):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    chart = yaml.safe_load((ROOT / "deploy/helm/doorbraak/Chart.yaml").read_text())
    changelog = (ROOT / "CHANGELOG.md").read_text()
    latest, released = re.search(r"^## \[(\d+\.\d+\.\d+)\] - (\S+)$", changelog, re.M).groups()
    # publiccode names the latest release, with its date from the changelog
    assert publiccode["softwareVersion"] == latest
    assert publiccode["releaseDate"] == released
    # the code is the next version in development (or that release itself)
    base = re.match(r"^(\d+\.\d+\.\d+)", pyproject).group(1)
    assert pyproject == latest or (pyproject.startswith(base) and ".dev" in pyproject)
    assert tuple(map(int, base.split("."))) >= tuple(map(int, latest.split(".")))
    assert chart["appVersion"] == base
