"""Validate the packaging files as far as this machine allows (issue 19; docs/operations.md).

Docker and a Kubernetes cluster do not run here. What this checks, with tools from PyPI
(installed by `make validate-deploy` into .venv-deploy):

1. every YAML file parses and passes yamllint (relaxed rules);
2. docker-compose.yml against the Compose Specification JSON schema (check-jsonschema's
   vendored copy) and its services, health checks and start order;
3. the Dockerfile's structure: two stages, no compilers in the final one, a non-root USER,
   a HEALTHCHECK on /health/live, gunicorn as the command;
4. the Helm chart: `helm lint` and rendered with Helm's own Go template engine
   (helm-python-sdk binds to Helm's Go SDK) for several value sets; every rendered object is
   validated against the Kubernetes OpenAPI schema (kubernetes-validate, strict) and the
   conventions are asserted (probes on the health endpoints, secrets only by reference,
   exactly one beat, non-root, a migration hook).

Exits non-zero on the first class of failure, printing what failed.
"""

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHART = ROOT / "deploy" / "helm" / "doorbraak"
KUBERNETES_VERSION = "1.31.0"
SECRET = "doorbraak-secrets"
VALUE_SETS = {
    "defaults": {"existingSecret": SECRET},
    "ingress-tls": {
        "existingSecret": SECRET,
        "ingress": {
            "enabled": True,
            "className": "nginx",
            "tls": [{"secretName": "doorbraak-tls", "hosts": ["doorbraak.example.nl"]}],
        },
        "persistence": {"existingClaim": "gedeelde-bestanden"},
        "imagePullSecrets": [{"name": "registry"}],
        "extraEnvVars": [{"name": "OIDC_RP_CLIENT_ID", "value": "doorbraak"}],
    },
    "minimal": {
        "existingSecret": SECRET,
        "persistence": {"enabled": False},
        "pdb": {"create": False},
        "serviceAccount": {"create": False},
        "migrations": {"enabled": False},
        "worker": {"livenessProbe": {"enabled": False}},
    },
}

failures: list[str] = []


def fail(message: str) -> None:
    failures.append(message)
    print(f"FOUT: {message}")


def check_yaml() -> None:
    files = [ROOT / "docker-compose.yml", CHART / "Chart.yaml", CHART / "values.yaml"]
    files += [ROOT / "publiccode.yml"] if (ROOT / "publiccode.yml").exists() else []
    for path in files:
        yaml.safe_load(path.read_text())
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "-m",
            "yamllint",
            "-d",
            "{extends: relaxed, rules: {line-length: {max: 130}}}",
        ]
        + [str(p) for p in files],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        fail(f"yamllint:\n{result.stdout}{result.stderr}")
    print(f"yaml: {len(files)} bestanden gelezen en gelint")


def check_compose_schema() -> None:
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec"]
        + [str(ROOT / "docker-compose.yml")],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        fail(f"docker-compose.yml against the compose spec:\n{result.stdout}{result.stderr}")


def check_compose() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    for name in ("app", "worker", "beat", "postgres", "redis", "nginx", "migrate"):
        if name not in services:
            fail(f"docker-compose.yml: service {name} ontbreekt")
    if "/health/" not in json.dumps(services["app"].get("healthcheck", {})):
        fail("docker-compose.yml: app has no health check on /health/")
    for name in ("app", "worker", "beat"):
        needs = services[name].get("depends_on", {})
        if needs.get("migrate", {}).get("condition") != "service_completed_successfully":
            fail(f"docker-compose.yml: {name} does not wait for the migrations")
    mounted = [v.split(":")[0] for v in services["nginx"].get("volumes", [])]
    for source in mounted:
        if source.startswith("./") and not (ROOT / source).exists():
            fail(f"docker-compose.yml: nginx mounts {source}, which does not exist")
    print("docker-compose.yml: compose-spec schema en diensten gecontroleerd")


def check_dockerfile() -> None:
    text = (ROOT / "Dockerfile").read_text()
    lines = [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    stages = [i for i, line in enumerate(lines) if line.upper().startswith("FROM ")]
    if len(stages) < 2:
        fail("Dockerfile: not multi-stage")
        return
    final = "\n".join(lines[stages[-1] :])
    for tool in ("build-essential", "gcc", "npm", "nodejs", "gettext"):
        if f" {tool}" in final.split("COPY --from")[0]:
            fail(f"Dockerfile: {tool} installed in the final stage")
    users = [line for line in lines[stages[-1] :] if line.upper().startswith("USER ")]
    if not users or users[-1].split()[1].split(":")[0] in {"root", "0"}:
        fail("Dockerfile: the final stage does not run as a non-root user")
    if "HEALTHCHECK" not in final or "/health/live" not in final:
        fail("Dockerfile: no HEALTHCHECK on /health/live")
    if "gunicorn" not in final.split("CMD")[-1]:
        fail("Dockerfile: gunicorn is not the command")
    build = "\n".join(lines[: stages[-1]])
    for step in ("collectstatic", "compilemessages", "npm ci"):
        if step not in build:
            fail(f"Dockerfile: the build stage does not run {step}")
    for copied in ("deploy/docker/entrypoint.sh", "docs/gebruikershandleiding.md"):
        if copied not in text or not (ROOT / copied).exists():
            fail(f"Dockerfile: {copied} missing")
    ignored = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for needed in ("src", "pyproject.toml", "package.json", "docs", "deploy"):
        if needed in ignored:
            fail(f".dockerignore leaves out {needed}, which the build needs")
    print("Dockerfile: fasen, gebruiker, health check en bouwstappen gecontroleerd")


def rendered_objects(values: dict) -> list[dict]:
    import helm_python as helm

    with helm.Chart.load(str(CHART)) as chart:
        manifests = chart.render(values, name="doorbraak", namespace="sociaal-domein")
    objects = []
    for name, text in manifests.items():
        if not name.endswith(".yaml"):
            continue
        objects += [doc for doc in yaml.safe_load_all(text) if doc]
    return objects


def check_chart() -> None:
    import helm_python as helm
    import kubernetes_validate

    report = helm.lint(str(CHART), values={"existingSecret": SECRET})
    errors = report.get("errors") or [m for m in report.get("messages", []) if m["severity"] > 2]
    if errors:
        fail(f"helm lint: {errors}")
    try:
        rendered_objects({})
        fail("helm: renders without existingSecret (it must be required)")
    except helm.HelmError:
        pass
    # The validator itself must refuse a wrong object, or a pass means nothing.
    broken = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "x"},
        "spec": {"replicas": "twee", "selector": {}, "template": {}, "bogus": 1},
    }
    try:
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)
        fail("kubernetes-validate accepted a broken Deployment")
    except kubernetes_validate.ValidationError:
        pass
    counted = 0
    for label, values in VALUE_SETS.items():
        objects = rendered_objects(values)
        for obj in objects:
            counted += 1
            where = f"{label}: {obj['kind']}/{obj['metadata']['name']}"
            try:
                kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)
            except kubernetes_validate.ValidationError as error:
                fail(f"{where}: {error.message} at {list(error.path)}")
            check_conventions(where, obj, values)
        kinds = sorted({(o["kind"], o["metadata"]["name"]) for o in objects})
        needed = {
            ("Deployment", "doorbraak"),
            ("Deployment", "doorbraak-worker"),
            ("Deployment", "doorbraak-beat"),
            ("Service", "doorbraak"),
        }
        if not needed <= set(kinds):
            fail(f"{label}: missing {needed - set(kinds)}")
        if values.get("ingress", {}).get("enabled") and ("Ingress", "doorbraak") not in kinds:
            fail(f"{label}: no Ingress")
        if values.get("migrations", {}).get("enabled", True) and not any(
            k == "Job" for k, _ in kinds
        ):
            fail(f"{label}: no migration Job")
    print(
        f"helm: lint, {len(VALUE_SETS)} waardensets gerenderd, {counted} objecten gevalideerd "
        f"tegen het Kubernetes-schema {KUBERNETES_VERSION}"
    )


def check_conventions(where: str, obj: dict, values: dict) -> None:
    text = json.dumps(obj)
    for secret_key in ("DJANGO_SECRET_KEY", "DOORBRAAK_FIELD_ENCRYPTION_KEY", "DATABASE_URL"):
        if f'"name": "{secret_key}", "value"' in text:
            fail(f"{where}: {secret_key} as a plain value, not by reference")
    if obj["kind"] == "Secret":
        fail(f"{where}: the chart must not create Secrets (existingSecret by reference)")
    if obj["kind"] not in {"Deployment", "Job"}:
        return
    pod = obj["spec"]["template"]["spec"]
    if not pod.get("securityContext", {}).get("runAsNonRoot"):
        fail(f"{where}: pod not runAsNonRoot")
    for container in pod["containers"]:
        if container.get("securityContext", {}).get("allowPrivilegeEscalation") is not False:
            fail(f"{where}: container may escalate privileges")
    if obj["kind"] == "Job":
        hooks = obj["metadata"].get("annotations", {}).get("helm.sh/hook", "")
        if "pre-upgrade" not in hooks or "pre-install" not in hooks:
            fail(f"{where}: migrations do not run before install and upgrade")
        return
    component = obj["metadata"]["labels"]["app.kubernetes.io/component"]
    container = pod["containers"][0]
    if component == "web":
        if container["livenessProbe"]["httpGet"]["path"] != "/health/live":
            fail(f"{where}: liveness probe not on /health/live")
        if container["readinessProbe"]["httpGet"]["path"] != "/health/ready":
            fail(f"{where}: readiness probe not on /health/ready")
    if component == "beat" and (
        obj["spec"]["replicas"] != 1 or obj["spec"]["strategy"]["type"] != "Recreate"
    ):
        fail(f"{where}: beat must be exactly one (replicas 1, Recreate)")


def main() -> int:
    check_yaml()
    check_compose_schema()
    check_compose()
    check_dockerfile()
    check_chart()
    if failures:
        print(f"{len(failures)} fout(en)")
        return 1
    print(
        "deploy: alles gevalideerd "
        "(Docker en een cluster draaien hier niet: zie docs/operations.md)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
