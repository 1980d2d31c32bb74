"""Turns a serialised result (fresh, or stored with a request) into what a page shows:
amounts in the reader's format (12.100,00 after a "€ " the template writes), probabilities as
percentages (9,2 %), factors as numbers (1,0523), labels for payers and units, and the
verdict: which is cheaper, and by how much."""

from decimal import Decimal

from django.utils.translation import gettext as _

from doorbraak.ui import display

from .models import PAYER_CHOICES, UNIT_CHOICES


def money(value) -> str | None:
    """The amount without the euro sign ("12.100,00"): templates write "€ " before it."""
    if value is None:
        return None
    return display.number(Decimal(value), 2)


def probability(value) -> str | None:
    return None if value is None else display.percent(value)


def _probabilities(band: dict | None) -> dict | None:
    return None if band is None else {k: probability(v) for k, v in band.items()}


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
        "break_even_probability": probability(result.get("break_even_probability")),
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
                "probability": _probabilities(line.get("probability")),
                "payer_label": str(payers.get(line["payer"], line["payer"])),
            }
            for line in result["lines"]
        ],
        "figures": [
            {
                **_money_fields(figure, ("amount", "indexed_amount")),
                "factor": display.number(figure["factor"]),
                "unit_label": str(units.get(figure["unit"], figure["unit"])),
            }
            for figure in result["figures"]
        ],
    }
