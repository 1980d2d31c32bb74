"""The escalation route and what each level may decide. Pure Python: no Django import.

A route is an ordered list of levels (1 = the first, the colleagues). Each level names who
decides (roles), what it may decide (money up to `max_amount` from `fund_ids`; exceptions in
`organisation_ids`) and a target time in days. An empty `fund_ids` or `organisation_ids` means
"not limited to a list"; `max_amount` None means the level decides no money at all.

Checks return `(field, code)` problems, in field order; the services turn codes into Dutch
messages. Nothing here reads a clock: `today` is always passed in.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

COLLEAGUES, CASE_MEETING, TABLE, MANDATE, LET = (
    "collegas",
    "casusoverleg",
    "tafel",
    "mandaat",
    "let",
)
KINDS = (COLLEAGUES, CASE_MEETING, TABLE, MANDATE, LET)
#: A level's target time is 1 day up to a year.
MAX_TARGET_DAYS = 366
MAX_LEVELS = 12
MAX_AMOUNT = Decimal("1000000.00")


class RouteError(ValueError):
    def __init__(self, code: str, position: int | None = None):
        super().__init__(code if position is None else f"{code} (level {position})")
        self.code = code
        self.position = position


def _amount(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        raise RouteError("float_amount")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise RouteError("invalid_amount") from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise RouteError("invalid_amount")
    if amount != amount.quantize(Decimal("0.01")):
        raise RouteError("invalid_amount")
    return amount.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Level:
    position: int
    name: str
    kind: str
    roles: frozenset[str]
    target_days: int
    max_amount: Decimal | None = None
    fund_ids: frozenset[int] = field(default_factory=frozenset)
    organisation_ids: frozenset[int] = field(default_factory=frozenset)

    def may_decide(self, role: str) -> bool:
        return role in self.roles

    def as_dict(self) -> dict:
        return {
            "position": self.position,
            "name": self.name,
            "kind": self.kind,
            "roles": sorted(self.roles),
            "target_days": self.target_days,
            "max_amount": None if self.max_amount is None else str(self.max_amount),
            "fund_ids": sorted(self.fund_ids),
            "organisation_ids": sorted(self.organisation_ids),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Level":
        position = data.get("position")
        name = (data.get("name") or "").strip()
        if not name:
            raise RouteError("name_missing", position)
        if data.get("kind") not in KINDS:
            raise RouteError("invalid_kind", position)
        roles = data.get("roles") or []
        if isinstance(roles, str) or not roles or not all(isinstance(r, str) for r in roles):
            raise RouteError("roles_missing", position)
        days = data.get("target_days")
        if type(days) is not int or not 1 <= days <= MAX_TARGET_DAYS:
            raise RouteError("invalid_target_days", position)
        try:
            max_amount = _amount(data.get("max_amount"))
        except RouteError as error:
            raise RouteError(error.code, position) from None
        ids = []
        for key in ("fund_ids", "organisation_ids"):
            values = data.get(key) or []
            if not all(type(v) is int for v in values):
                raise RouteError("invalid_ids", position)
            ids.append(frozenset(values))
        return cls(position, name, data["kind"], frozenset(roles), days, max_amount, *ids)


@dataclass(frozen=True)
class Route:
    version: int
    levels: tuple[Level, ...]

    def level(self, position: int) -> Level:
        if not 1 <= position <= len(self.levels):
            raise RouteError("no_such_level", position)
        return self.levels[position - 1]

    @property
    def top(self) -> int:
        return len(self.levels)

    def as_dict(self) -> dict:
        return {"version": self.version, "levels": [level.as_dict() for level in self.levels]}

    @classmethod
    def from_dict(cls, data: dict) -> "Route":
        raw = data.get("levels") or []
        if not raw:
            raise RouteError("no_levels")
        if len(raw) > MAX_LEVELS:
            raise RouteError("too_many_levels")
        levels = tuple(Level.from_dict(level) for level in raw)
        if [level.position for level in levels] != list(range(1, len(levels) + 1)):
            raise RouteError("positions_not_consecutive")
        return cls(int(data.get("version") or 1), levels)


# --- Escalating --------------------------------------------------------------------------


@dataclass(frozen=True)
class EscalationDraft:
    """An item going up the route: from `current` to `target`. An item that was never
    escalated is at level 1: the colleagues (the fund's quorum) are where every item starts."""

    current: int
    target: int
    question: str
    tried: str
    skip_reason: str
    item_closed: bool
    case_closed: bool


def next_level(route: Route, current: int) -> int | None:
    """The level an item at `current` goes to next, or None at the top of the route."""
    following = max(current, 1) + 1
    return following if following <= route.top else None


def check_escalation(route: Route, draft: EscalationDraft) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if draft.case_closed:
        problems.append(("__all__", "case_closed"))
    if draft.item_closed:
        problems.append(("item", "item_closed"))
    expected = next_level(route, draft.current)
    if expected is None:
        problems.append(("level", "top_reached"))
    elif not draft.current < draft.target <= route.top:
        problems.append(("level", "not_upward"))
    elif draft.target > expected and not draft.skip_reason.strip():
        problems.append(("skip_reason", "skip_needs_reason"))
    if not draft.question.strip():
        problems.append(("question", "question_missing"))
    if not draft.tried.strip():
        problems.append(("tried", "tried_missing"))
    return problems


# --- Deciding at a level -----------------------------------------------------------------


@dataclass(frozen=True)
class DecisionDraft:
    outcome: str
    reasons: str
    amount: Decimal | None = None
    fund_id: int | None = None
    organisation_id: int | None = None


def check_decision(level: Level, draft: DecisionDraft) -> list[tuple[str, str]]:
    """What a level may decide. Reasons are always required: maatwerk, not arbitrariness."""
    problems: list[tuple[str, str]] = []
    if not draft.reasons.strip():
        problems.append(("reasons", "reasons_missing"))
    if draft.amount is not None:
        if isinstance(draft.amount, float):
            problems.append(("amount", "float_amount"))
        elif draft.amount < 0:
            problems.append(("amount", "negative_amount"))
        elif draft.amount > 0 and level.max_amount is None:
            problems.append(("amount", "no_money_at_level"))
        elif level.max_amount is not None and draft.amount > level.max_amount:
            problems.append(("amount", "above_level"))
    if draft.fund_id is not None and level.fund_ids and draft.fund_id not in level.fund_ids:
        problems.append(("fund", "fund_not_at_level"))
    if draft.amount and draft.fund_id is None and level.max_amount is not None:
        problems.append(("fund", "fund_missing"))
    if (
        draft.organisation_id is not None
        and level.organisation_ids
        and draft.organisation_id not in level.organisation_ids
    ):
        problems.append(("organisation", "organisation_not_at_level"))
    return problems


def due_date(start: datetime.date, level: Level) -> datetime.date:
    """When the level should have decided: the target time counted from `start`."""
    return start + datetime.timedelta(days=level.target_days)


def check_due(due: datetime.date | None, today: datetime.date) -> str | None:
    """A follow-up action needs a due date, today or later."""
    if due is None:
        return "due_missing"
    if due < today:
        return "due_in_past"
    return None
