"""Turns a serialised result (fresh, or stored with a request) into what a page shows:
amounts in the reader's format (€ 12.100,00), labels for payers and units, and the verdict:
which is cheaper, and by how much."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import PAYER_CHOICES, UNIT_CHOICES


def money(value) -> str | None:
    if value is None:
        return None
    return number_format(Decimal(value), 2, use_l10n=True, force_grouping=True)


def _money_fields(row: dict, names) -> dict:
    return {**row, **{name: money(row[name]) for name in names if name in row}}


def present(result: dict | None) -> dict | None:
    if not result:
        return None
    payers, units = dict(PAYER_CHOICES), dict(UNIT_CHOICES)
    net = Decimal(result["net"])
    if net > 0:
        verdict = _("Breaking through is € %(amount)s cheaper than muddling on.")
    elif net < 0:
        verdict = _("Breaking through costs € %(amount)s more than it avoids.")
    else:
        verdict = _("Breaking through costs exactly as much as it avoids.")
    ranges = result.get("range")
    return {
        **_money_fields(result, ("cost", "avoided", "net")),
        "return_per_euro": money(result["return_per_euro"]),
        "range": _money_fields(ranges, ranges.keys()) if ranges else None,
        "verdict": verdict % {"amount": money(abs(net))},
        "cheaper": net > 0,
        "payers": [
            {
                "label": str(payers.get(key, key)),
                **_money_fields(totals, ("cost", "avoided", "net")),
            }
            for key, totals in result["by_payer"].items()
        ],
        "lines": [
            {
                **_money_fields(line, ("base", "expected", "low", "high")),
                "payer_label": str(payers.get(line["payer"], line["payer"])),
            }
            for line in result["lines"]
        ],
        "figures": [
            {
                **_money_fields(figure, ("amount", "indexed_amount")),
                "unit_label": str(units.get(figure["unit"], figure["unit"])),
            }
            for figure in result["figures"]
        ],
    }
