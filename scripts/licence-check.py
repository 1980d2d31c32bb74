#!/usr/bin/env python3
"""Licence check (issue 16, item 8): every Python package installed in this environment and
every npm package in package-lock.json must have a licence on licences/allowed.txt (EUPL-1.2
compatible), or be listed in licences/exceptions.txt after a review. Fast: it reads installed
metadata and the lock file, no network. Exit 1 and a list when something is not allowed.

Usage: .venv/bin/python scripts/licence-check.py [--list]
"""

import json
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SELF = {"doorbraak", "doorbraak-frontend-assets"}

#: Trove classifiers and free-text licence fields, to SPDX ids.
ALIASES = {
    "mit license": "MIT",
    "mit": "MIT",
    "the mit license (mit)": "MIT",
    "expat": "MIT",
    "bsd license": "BSD-3-Clause",
    "bsd": "BSD-3-Clause",
    "new bsd license": "BSD-3-Clause",
    "bsd-3-clause": "BSD-3-Clause",
    "3-clause bsd license": "BSD-3-Clause",
    "modified bsd license": "BSD-3-Clause",
    "bsd 3-clause": "BSD-3-Clause",
    "bsd 2-clause": "BSD-2-Clause",
    "simplified bsd": "BSD-2-Clause",
    "apache software license": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache license, version 2.0": "Apache-2.0",
    "apache 2.0": "Apache-2.0",
    "apache-2.0": "Apache-2.0",
    "apache 2": "Apache-2.0",
    "apache": "Apache-2.0",
    "isc license (iscl)": "ISC",
    "isc license": "ISC",
    "python software foundation license": "PSF-2.0",
    "psf": "PSF-2.0",
    "psf license": "PSF-2.0",
    "mozilla public license 2.0 (mpl 2.0)": "MPL-2.0",
    "mpl 2.0": "MPL-2.0",
    "mpl-2.0": "MPL-2.0",
    "gnu lesser general public license v3 (lgplv3)": "LGPL-3.0-only",
    "gnu lesser general public license v3 or later (lgplv3+)": "LGPL-3.0-or-later",
    "gnu lesser general public license v2 or later (lgplv2+)": "LGPL-2.1-or-later",
    "gnu library or lesser general public license (lgpl)": "LGPL-2.1-or-later",
    "lgpl": "LGPL-2.1-or-later",
    "gnu general public license v3 (gplv3)": "GPL-3.0-only",
    "gnu general public license v3 or later (gplv3+)": "GPL-3.0-or-later",
    "gnu general public license v2 (gplv2)": "GPL-2.0-only",
    "gnu general public license v2 or later (gplv2+)": "GPL-2.0-or-later",
    "european union public licence 1.2 (eupl 1.2)": "EUPL-1.2",
    "eupl-1.2": "EUPL-1.2",
    "eupl 1.2": "EUPL-1.2",
    "the unlicense (unlicense)": "Unlicense",
    "zlib/libpng license": "Zlib",
    "historical permission notice and disclaimer (hpnd)": "HPND",
    "public domain": "CC0-1.0",
    "cc0 1.0 universal (cc0 1.0) public domain dedication": "CC0-1.0",
    "dual license": "",
}


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.split("#")[0].strip() for line in path.read_text().splitlines()]


def allowed() -> set[str]:
    return {line for line in _lines(ROOT / "licences" / "allowed.txt") if line}


def exceptions() -> dict[str, str]:
    result = {}
    for line in _lines(ROOT / "licences" / "exceptions.txt"):
        if line:
            name, spdx = line.split()[:2]
            result[name.lower()] = spdx
    return result


def _spdx(text: str) -> str:
    text = (text or "").strip()
    return ALIASES.get(text.lower(), text)


def expression_ok(expression: str, ok: set[str]) -> bool:
    """An SPDX expression: OR needs one allowed side, AND (and WITH) needs all."""
    expression = expression.strip().strip("()")
    if not expression:
        return False
    for part in re.split(r"\s+OR\s+", expression, flags=re.IGNORECASE):
        terms = re.split(r"\s+AND\s+", part.strip().strip("()"), flags=re.IGNORECASE)
        if all(_spdx(re.split(r"\s+WITH\s+", t.strip("() "))[0]) in ok for t in terms):
            return True
    return False


def python_licences() -> list[tuple[str, str, str]]:
    rows = []
    for dist in metadata.distributions():
        name = dist.metadata["Name"] or ""
        if name.lower() in SELF:
            continue
        expression = dist.metadata.get("License-Expression") or ""
        if not expression:
            classifiers = [
                _spdx(c.split("::")[-1])
                for c in dist.metadata.get_all("Classifier") or []
                if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"
            ]
            classifiers = [c for c in classifiers if c]
            free_text = (dist.metadata.get("License") or "").splitlines()
            expression = " OR ".join(classifiers) or _spdx(free_text[0] if free_text else "")
        rows.append(("pypi", name, expression))
    return rows


def npm_licences() -> list[tuple[str, str, str]]:
    lock = ROOT / "package-lock.json"
    if not lock.exists():
        return []
    rows = []
    for path, package in json.loads(lock.read_text()).get("packages", {}).items():
        if not path:
            continue
        name = path.split("node_modules/")[-1]
        licence = package.get("license") or ""
        if isinstance(licence, dict):
            licence = licence.get("type", "")
        rows.append(("npm", name, licence))
    return rows


def main(argv: list[str]) -> int:
    ok, reviewed = allowed(), exceptions()
    rows = sorted(set(python_licences() + npm_licences()))
    bad = []
    for ecosystem, name, licence in rows:
        if "--list" in argv:
            print(f"{ecosystem}\t{name}\t{licence}")
        if expression_ok(licence, ok):
            continue
        if name.lower() in reviewed and reviewed[name.lower()] in ok:
            continue
        bad.append((ecosystem, name, licence or "(geen licentie gevonden)"))
    if bad:
        print("Licenties niet op licences/allowed.txt (EUPL-verenigbaar):", file=sys.stderr)
        for ecosystem, name, licence in bad:
            print(f"  {ecosystem} {name}: {licence}", file=sys.stderr)
        print(
            "Controleer de licentie; voeg hem toe aan licences/allowed.txt of het pakket aan "
            "licences/exceptions.txt, of vervang het pakket.",
            file=sys.stderr,
        )
        return 1
    print(f"Licentiecontrole: {len(rows)} pakketten, alle licenties toegestaan.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
