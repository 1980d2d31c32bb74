"""The money services depend on each other in one direction only (issue 11, finding 12;
docs/decisions/0010-money-lock-order.md):

    views / API  ->  proposals.lifecycle  ->  proposals.services -> approvals.services
                                          ->  funds.services -> funds.ledger

Every import counts, also one inside a function (which is how a circle used to hide)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "doorbraak"

#: module -> modules it must never import (directly, at any level of the file).
FORBIDDEN = {
    "funds/ledger.py": {"proposals", "approvals", "funds.services"},
    "funds/ledger_write.py": {"proposals", "approvals", "funds.services"},
    "funds/services.py": {"proposals.services", "proposals.lifecycle", "approvals.services"},
    "approvals/services.py": {
        "proposals.services",
        "proposals.lifecycle",
        "funds.services",
        "funds.ledger",
    },
    "proposals/services.py": {"proposals.lifecycle", "funds.services", "funds.ledger"},
}


def imported_modules(path: Path) -> set[str]:
    """Every module the file imports, as dotted names below `doorbraak.` (relative imports
    resolved), including `from package import module`."""
    package = path.parent.name
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name.removeprefix("doorbraak.") for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level == 1:
                base = f"{package}.{base}" if base else package
            base = base.removeprefix("doorbraak.")
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    return found


def violates(imported: str, forbidden: str) -> bool:
    return imported == forbidden or imported.startswith(forbidden + ".")


@pytest.mark.parametrize("module", sorted(FORBIDDEN))
def test_money_services_import_one_way(module):
    imported = imported_modules(SRC / module)
    wrong = sorted(name for name in imported for bad in FORBIDDEN[module] if violates(name, bad))
    assert wrong == [], f"{module} imports {wrong}: see docs/decisions/0010-money-lock-order.md"


def test_only_the_lifecycle_moves_money_outside_the_funds_package():
    users = sorted(
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "funds.ledger" in imported_modules(path) and path.parent.name != "funds"
    )
    assert users == ["proposals/lifecycle.py"]


def test_the_checker_sees_function_local_imports(tmp_path):
    sample = tmp_path / "funds" / "services.py"
    sample.parent.mkdir()
    sample.write_text("def f():\n    from doorbraak.proposals import services\n")
    assert "proposals.services" in imported_modules(sample)
