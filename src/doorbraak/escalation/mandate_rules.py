"""When a mandate from the register may be used (PRIO, seed 002 "Een mandaat voor in de
achterzak"). Pure Python: no Django import, no clock (`day` is passed in).

A mandate is held by one person on behalf of one organisation, for a period, up to an
amount. Using it means overruling a decision of that organisation (one of its departments):
the holder records what was overruled, the decision and the reasons. Outside its scope means:
someone else than the holder, another organisation than the one the mandate is for, an
amount above the mandate's maximum, or a date outside the mandate's period. Every use is
followed by a verzoeningsgesprek (reconciliation talk) with the overruled department.

Checks return `(field, code)` problems in field order; the service turns codes into Dutch.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

#: Default time for the verzoeningsgesprek after a mandate is used.
RECONCILIATION_DAYS = 14


@dataclass(frozen=True)
class MandateFacts:
    """The register's entry, as far as using it is concerned."""

    holder_id: int
    organisation_id: int
    valid_from: datetime.date
    valid_until: datetime.date | None
    max_amount: Decimal | None


@dataclass(frozen=True)
class UseDraft:
    actor_id: int
    day: datetime.date
    overruled_organisation_id: int | None
    overruled_rule: str
    earlier_refusal: str
    decision: str
    reasons: str
    amount: Decimal | None = None
    case_open: bool = True


def validity(mandate: MandateFacts, day: datetime.date) -> str | None:
    """Why the mandate cannot be used on `day` (a code), or None when it is valid."""
    if day < mandate.valid_from:
        return "mandate_not_yet_valid"
    if mandate.valid_until is not None and day > mandate.valid_until:
        return "mandate_expired"
    return None


def check_use(mandate: MandateFacts, draft: UseDraft) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not draft.case_open:
        problems.append(("__all__", "case_closed"))
    if draft.actor_id != mandate.holder_id:
        problems.append(("mandate", "not_mandate_holder"))
    else:
        invalid = validity(mandate, draft.day)
        if invalid:
            problems.append(("mandate", invalid))
    if draft.overruled_organisation_id is None:
        problems.append(("overruled_organisation", "overruled_missing"))
    elif draft.overruled_organisation_id != mandate.organisation_id:
        problems.append(("overruled_organisation", "outside_mandate_organisation"))
    if not draft.overruled_rule.strip():
        problems.append(("overruled_rule", "overruled_rule_missing"))
    if not draft.earlier_refusal.strip():
        problems.append(("earlier_refusal", "earlier_refusal_missing"))
    if not draft.decision.strip():
        problems.append(("decision", "mandate_decision_missing"))
    if not draft.reasons.strip():
        problems.append(("reasons", "mandate_reasons_missing"))
    if draft.amount is not None:
        if isinstance(draft.amount, float):
            problems.append(("amount", "float_amount"))
        elif not draft.amount.is_finite() or draft.amount < 0:
            problems.append(("amount", "negative_amount"))
        elif draft.amount > 0 and mandate.max_amount is None:
            problems.append(("amount", "mandate_no_money"))
        elif mandate.max_amount is not None and draft.amount > mandate.max_amount:
            problems.append(("amount", "above_mandate"))
    return problems


def reconciliation_due(day: datetime.date, days: int = RECONCILIATION_DAYS) -> datetime.date:
    return day + datetime.timedelta(days=days)
