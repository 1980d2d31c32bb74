"""What a table records per agenda item, and who may do it. Pure Python: no Django import.

A decision at a table is argued on the value triangle (legitimiteit, betrokkenheid,
rendement): all three reasons are required, with the decision itself. Each commitment has an
owner and a due date today or later. Money needs a fund and stays within what the route level
may decide (checked with escalation.rules.check_decision by the service).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

SIDES = ("legitimacy", "involvement", "returns")


@dataclass(frozen=True)
class Commitment:
    owner_chosen: bool
    description: str
    due_date: datetime.date | None


@dataclass(frozen=True)
class ItemDecisionDraft:
    decision: str
    legitimacy: str
    involvement: str
    returns: str
    amount: Decimal | None = None
    commitments: tuple[Commitment, ...] = field(default_factory=tuple)


def check_item_decision(draft: ItemDecisionDraft, today: datetime.date) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not draft.decision.strip():
        problems.append(("decision", "decision_missing"))
    for side in SIDES:
        if not getattr(draft, side).strip():
            problems.append((side, f"{side}_missing"))
    if isinstance(draft.amount, float):
        problems.append(("amount", "float_amount"))
    for n, commitment in enumerate(draft.commitments):
        if not commitment.description.strip():
            problems.append((f"action{n}_description", "action_description_missing"))
        if not commitment.owner_chosen:
            problems.append((f"action{n}_owner", "action_owner_missing"))
        if commitment.due_date is None:
            problems.append((f"action{n}_due_date", "due_missing"))
        elif commitment.due_date < today:
            problems.append((f"action{n}_due_date", "due_in_past"))
    return problems
