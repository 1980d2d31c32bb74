"""Small requests stay small. Pure Python: no Django import.

A fund's approval policy says up to which amount a request is a *small request*
(`ApprovalPolicy.small_request_limit`). Empty means the default: the fund's ceiling per request
when that is at most `DEFAULT_UP_TO` (the minimaatwerkbudget of the seeds: "up to €500"), and
otherwise no small requests. Zero means no small requests.

A small request needs only what colleagues need to decide in minutes: what is needed and why
(one text), amount, category, and when money is paid a supplier with an IBAN. Provisions
tried first, recurrence prevention, the value triangle (legal ground included) and a
calculation are welcome but optional. Above the amount, without a fund (decided at a table or
with a mandate), or on escalation, everything stays required.
"""

from decimal import Decimal

DEFAULT_UP_TO = Decimal("500.00")

#: Always required (supplier and IBAN are required whenever money is paid: see rules.py).
ALWAYS = frozenset({"solution", "category", "amount"})
#: Required only for a full request. Each triangle side may be "not applicable, because".
FULL_ONLY = frozenset(
    {"prior_provisions", "recurrence_prevention", "legitimacy", "involvement", "societal_return"}
)
#: Inputs a small request shows openly; everything else sits folded away, optional.
SMALL_INPUTS = (
    "blockers",
    "solution",
    "category",
    "fund",
    "amount",
    "frequency",
    "months",
    "supplier_name",
    "supplier_iban",
)


def limit(policy_limit: Decimal | None, fund_ceiling: Decimal | None) -> Decimal | None:
    """The total up to and including which a request on the fund is small, or None."""
    if policy_limit is not None:
        return policy_limit if policy_limit > 0 else None
    if fund_ceiling is not None and 0 < fund_ceiling <= DEFAULT_UP_TO:
        return fund_ceiling
    return None


def is_small(total: Decimal, up_to: Decimal | None, *, escalated: bool = False) -> bool:
    """Whether a request of `total` (all payments together) is a small request."""
    return not escalated and up_to is not None and 0 <= total <= up_to


def required(small: bool) -> frozenset[str]:
    """The fields that must be filled in (or, for a triangle side, said not to apply)."""
    return ALWAYS if small else ALWAYS | FULL_ONLY
