"""What a maatwerk request needs before it can be submitted. Pure Python: no Django import.

`check_request` returns a list of (field, code) problems; the service turns them into Dutch
messages. An empty list means the request may be submitted.
"""

from dataclasses import dataclass
from decimal import Decimal

MAX_MONTHS = 120
#: The most one payment may be: far above any fund's ceiling, and small enough that every
#: derived total (amount × months, in cents) fits the fields that store and show it.
MAX_AMOUNT = Decimal("1000000.00")


@dataclass(frozen=True)
class RequestDraft:
    amount: Decimal
    frequency: str  # "eenmalig" or "maandelijks"
    months: int
    supplier_name: str
    supplier_iban_valid: bool
    supplier_iban: str
    prior_provisions: tuple[str, ...]
    recurrence_prevention: str
    has_legal_ground: bool
    legitimacy: str
    legitimacy_na: str
    involvement: str
    involvement_na: str
    societal_return: str
    societal_return_na: str
    has_calculation: bool
    calculation_required_from: Decimal
    household_names: tuple[str, ...] = ()
    #: A small request (see smallrequests.py): the triangle and the rest are optional.
    small: bool = False


def _filled(text: str) -> bool:
    return bool(text and text.strip())


def _normalise_name(name: str) -> str:
    return " ".join(name.lower().split())


def total(draft: RequestDraft) -> Decimal:
    return draft.amount * (draft.months if draft.frequency == "maandelijks" else 1)


def check_request(draft: RequestDraft) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if draft.amount < 0:
        problems.append(("amount", "negative_amount"))
    elif draft.amount > MAX_AMOUNT or draft.amount != draft.amount.quantize(Decimal("0.01")):
        problems.append(("amount", "amount_out_of_range"))
    if draft.frequency not in ("eenmalig", "maandelijks"):
        problems.append(("frequency", "frequency"))
    elif draft.frequency == "maandelijks" and not 1 <= draft.months <= MAX_MONTHS:
        problems.append(("months", "months"))
    if draft.amount > 0:
        # Money goes to the supplier or creditor, never to the resident.
        if not _filled(draft.supplier_name):
            problems.append(("supplier_name", "supplier_required"))
        elif _normalise_name(draft.supplier_name) in {
            _normalise_name(n) for n in draft.household_names if _filled(n)
        }:
            problems.append(("supplier_name", "paid_to_resident"))
        if not _filled(draft.supplier_iban):
            problems.append(("supplier_iban", "iban_required"))
    if _filled(draft.supplier_iban) and not draft.supplier_iban_valid:
        problems.append(("supplier_iban", "iban_invalid"))
    if draft.small:
        # Colleagues decide on what is needed and why; the rest is welcome, not required.
        return problems
    if not draft.prior_provisions:
        problems.append(("prior_provisions", "prior_provisions"))
    if not _filled(draft.recurrence_prevention):
        problems.append(("recurrence_prevention", "recurrence"))

    # The value triangle: every side filled in, or not applicable with a reason.
    if not _filled(draft.legitimacy_na) and not (
        draft.has_legal_ground and _filled(draft.legitimacy)
    ):
        problems.append(("legitimacy", "legitimacy_missing"))
    if not (_filled(draft.involvement) or _filled(draft.involvement_na)):
        problems.append(("involvement", "involvement_missing"))
    if not _filled(draft.societal_return_na):
        if not (_filled(draft.societal_return) or draft.has_calculation):
            problems.append(("societal_return", "return_missing"))
        elif total(draft) > draft.calculation_required_from and not draft.has_calculation:
            problems.append(("societal_return", "calculation_required"))
    return problems
