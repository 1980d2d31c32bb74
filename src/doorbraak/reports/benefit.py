"""Cost-benefit totals per payer, without Django: which group of payers bears the cost a
request is expected to avoid (its calculation as stored at submission, costbenefit/parsing.py
`serialise`), summed over requests.

The seeds' payers are the municipality, the health insurer, the housing corporation and the
national organisations (UWV, SVB, DUO, CJIB, Toeslagen); everything else is "other"."""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

MUNICIPALITY = "gemeente"
HEALTH_INSURER = "zorgverzekeraar"
HOUSING = "wonen"
NATIONAL = "landelijk"
OTHER = "overig"

#: The groups in the order a dashboard shows them.
PAYER_GROUPS = (MUNICIPALITY, HEALTH_INSURER, HOUSING, NATIONAL, OTHER)

_GROUP_OF = {
    "gemeente": MUNICIPALITY,
    "zorgverzekeraar": HEALTH_INSURER,
    "woningcorporatie": HOUSING,
    "uwv": NATIONAL,
    "svb": NATIONAL,
    "duo": NATIONAL,
    "cjib": NATIONAL,
    "belastingdienst-toeslagen": NATIONAL,
}


def payer_group(kind: str) -> str:
    """The group of an organisation kind (accounts.OrganisationKind) or "meerdere"."""
    return _GROUP_OF.get(kind or "", OTHER)


def _amount(value) -> Decimal:
    try:
        return Decimal(str(value or 0)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return Decimal(0)


def by_payer(result: dict | None) -> dict[str, tuple[Decimal, Decimal]]:
    """(cost, avoided) per payer group of one stored calculation."""
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for payer, totals in ((result or {}).get("by_payer") or {}).items():
        group = payer_group(payer)
        cost, avoided = out.get(group, (Decimal(0), Decimal(0)))
        out[group] = (cost + _amount(totals.get("cost")), avoided + _amount(totals.get("avoided")))
    return out


def add(results: Iterable[dict | None]) -> dict[str, tuple[int, Decimal, Decimal]]:
    """(requests, cost, avoided) per payer group over several calculations; a request counts
    once for each group it names."""
    totals: dict[str, list] = defaultdict(lambda: [0, Decimal(0), Decimal(0)])
    for result in results:
        for group, (cost, avoided) in by_payer(result).items():
            entry = totals[group]
            entry[0] += 1
            entry[1] += cost
            entry[2] += avoided
    return {group: (n, cost, avoided) for group, (n, cost, avoided) in totals.items()}
