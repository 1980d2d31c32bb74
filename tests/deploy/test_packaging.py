"""The packaging checks that need no tools beyond the test environment, so they run in CI on
every change (issue 19, item 4). The full validation - the compose file against the Compose
Specification schema, the Helm chart rendered by Helm and validated against the Kubernetes
schema - is `make validate-deploy` (docs/operations.md: not in CI, its tools take minutes to
install)."""

import importlib.util
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def validate():
    spec = importlib.util.spec_from_file_location(
        "validate_deploy", ROOT / "scripts/validate-deploy.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.failures.clear()
    return module


def test_dockerfile_structure(validate):
    validate.check_dockerfile()
    assert validate.failures == []


def test_compose_services_health_checks_and_order(validate):
    validate.check_compose()
    assert validate.failures == []


def test_the_dockerfile_check_finds_a_single_stage_root_image(validate, tmp_path, monkeypatch):
    (tmp_path / "Dockerfile").write_text("FROM python:3.11\nRUN apt-get install -y gcc\n")
    monkeypatch.setattr(validate, "ROOT", tmp_path)
    validate.check_dockerfile()
    assert validate.failures == ["Dockerfile: not multi-stage"]


def test_chart_files_and_values():
    chart = ROOT / "deploy/helm/doorbraak"
    meta = yaml.safe_load((chart / "Chart.yaml").read_text())
    assert meta["apiVersion"] == "v2" and meta["name"] == "doorbraak"
    values = yaml.safe_load((chart / "values.yaml").read_text())
    for key in (
        "image",
        "replicaCount",
        "resources",
        "livenessProbe",
        "readinessProbe",
        "ingress",
        "existingSecret",
        "worker",
        "beat",
        "migrations",
        "persistence",
    ):
        assert key in values, key
    assert values["existingSecret"] == "", "no secret name or value by default"
    assert values["beat"]["replicaCount"] == 1
    templates = {p.name for p in (chart / "templates").iterdir()}
    assert {
        "deployment.yaml",
        "worker-deployment.yaml",
        "beat-deployment.yaml",
        "migrate-job.yaml",
        "ingress.yaml",
        "service.yaml",
    } <= templates
    text = (chart / "templates/deployment.yaml").read_text()
    assert "path: /health/live" in text and "path: /health/ready" in text
