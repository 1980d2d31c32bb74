"""A CycloneDX 1.5 JSON SBOM of the npm dependencies from package-lock.json (v2/v3), without
the network: `make sbom` used `npx @cyclonedx/cyclonedx-npm`, which hangs on a machine that
cannot reach the npm registry. Development dependencies are left out, as `--omit dev` did.

    python scripts/npm-sbom.py package-lock.json sbom/npm.cdx.json
"""

import base64
import json
import sys
from pathlib import Path


def component(path: str, entry: dict) -> dict:
    name = entry.get("name") or path.split("node_modules/")[-1]
    version = entry.get("version", "")
    purl_name = name.replace("@", "%40", 1) if name.startswith("@") else name
    item = {
        "type": "library",
        "bom-ref": f"pkg:npm/{purl_name}@{version}",
        "name": name,
        "version": version,
        "purl": f"pkg:npm/{purl_name}@{version}",
    }
    if entry.get("license"):
        item["licenses"] = [{"expression": entry["license"]}]
    algorithm, _, digest = entry.get("integrity", "").partition("-")
    if algorithm in ("sha512", "sha384", "sha256") and digest:
        item["hashes"] = [
            {"alg": f"SHA-{algorithm[3:]}", "content": base64.b64decode(digest).hex()}
        ]
    return item


def sbom(lock: dict) -> dict:
    root = lock["packages"].get("", {})
    components = [
        component(path, entry)
        for path, entry in sorted(lock["packages"].items())
        if path and not entry.get("dev") and not entry.get("link")
    ]
    return {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "version": 1,
        "metadata": {
            "component": {
                "type": "application",
                "name": root.get("name", lock.get("name", "")),
                "version": root.get("version", lock.get("version", "")),
            }
        },
        "components": components,
    }


if __name__ == "__main__":
    source, target = sys.argv[1:3]
    data = sbom(json.loads(Path(source).read_text(encoding="utf-8")))
    Path(target).write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{target}: {len(data['components'])} npm components")
