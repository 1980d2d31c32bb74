"""Approval quorum: the policy ("bij 3 keer 'ja' is het een 'go'", named roles above a threshold)
and its evaluation.

Pure Python, no Django, no I/O: the same inputs always give the same `Decision`, so a decision
can be re-computed and explained years later from the stored policy version and votes.

Rules (see docs in DOMAIN.md, seed 000 — the Utrecht toeslagenherstelpotje):

* ``quorum`` "ja" votes are always needed, from eligible approvers other than the requester.
* A `RoleRule` applies when the amount is strictly above its ``above``; of several, the one with
  the highest ``above``. Then every listed role must also be covered by a "ja" of a *distinct*
  approver holding that role (bipartite matching: one person covers one role at most).
* Only an approver's latest vote (highest ``sequence``) counts; people may change their mind
  until the request is decided. Freezing the decision is the caller's job.
* A latest "nee" from an approver holding a veto role rejects at once. ``no_rule`` says what
  other "nee" votes do. Rejection takes precedence over approval.
* A "vraag" (question) is a vote that is neither yes nor no: it does not block an approval.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

YES, NO, QUESTION = "ja", "nee", "vraag"
CHOICES = (YES, NO, QUESTION)

APPROVED, REJECTED, PENDING = "approved", "rejected", "pending"
STATUSES = (APPROVED, REJECTED, PENDING)

NO_RULE_THRESHOLD, NO_RULE_VETO_ONLY, NO_RULE_IMPOSSIBLE = "threshold", "veto_only", "impossible"
NO_RULES = (NO_RULE_THRESHOLD, NO_RULE_VETO_ONLY, NO_RULE_IMPOSSIBLE)

REASON_QUORUM_REACHED = "quorum_reached"
REASON_ROLES_COVERED = "roles_covered"
REASON_VETO = "veto"
REASON_TOO_MANY_NO = "too_many_no"
REASON_CANNOT_BE_REACHED = "cannot_be_reached"
REASON_WAITING = "waiting"
REASONS = (
    REASON_QUORUM_REACHED,
    REASON_ROLES_COVERED,
    REASON_VETO,
    REASON_TOO_MANY_NO,
    REASON_CANNOT_BE_REACHED,
    REASON_WAITING,
)

IGNORED_SELF = "self"
IGNORED_NOT_ELIGIBLE = "not_eligible"

ApproverId = str | int

#: When one approver has several votes with the same (highest) sequence, the most cautious one
#: counts, so that the result never depends on the order of the list.
_CAUTION = {NO: 2, QUESTION: 1, YES: 0}


class PolicyError(ValueError):
    """An invalid policy; ``code`` is a stable, machine-readable code."""

    def __init__(self, code: str, message: str = "") -> None:
        self.code = code
        super().__init__(f"{code}: {message}" if message else code)


def _id_key(approver_id: ApproverId) -> tuple[int, Any]:
    """A total order over mixed int / str ids (ints first)."""
    if isinstance(approver_id, int):
        return (0, approver_id)
    return (1, str(approver_id))


def _role_problem(roles: Any) -> str | None:
    """Why ``roles`` is not a collection of non-empty role names, or None if it is."""
    if isinstance(roles, str):
        # frozenset("teamleider") would silently be a set of letters.
        return "roles must be a collection of names, not a str"
    for role in roles:
        if not isinstance(role, str) or not role:
            return f"bad role name {role!r}"
    return None


@dataclass(frozen=True)
class Approver:
    id: ApproverId
    roles: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if problem := _role_problem(self.roles):
            raise ValueError(problem)
        object.__setattr__(self, "roles", frozenset(self.roles))


@dataclass(frozen=True)
class Vote:
    approver_id: ApproverId
    choice: str
    sequence: int

    def __post_init__(self) -> None:
        if self.choice not in CHOICES:
            raise ValueError(f"choice must be one of {CHOICES}, not {self.choice!r}")
        if isinstance(self.sequence, bool) or not isinstance(self.sequence, int):
            raise ValueError(f"sequence must be an int, not {self.sequence!r}")


def _to_decimal(value: Any, *, error: Exception) -> Decimal:
    if isinstance(value, bool | float):
        raise error
    if isinstance(value, int | str):
        try:
            value = Decimal(value)
        except ArithmeticError:
            raise error from None
    if not isinstance(value, Decimal) or not value.is_finite():
        raise error
    return value


@dataclass(frozen=True)
class RoleRule:
    """Above (strictly) ``above`` euro, each role in ``roles`` needs a "ja" of its own person.

    A role listed twice needs two distinct people holding it.
    """

    above: Decimal
    roles: tuple[str, ...]

    def __post_init__(self) -> None:
        above = _to_decimal(self.above, error=PolicyError("invalid_threshold"))
        if above < 0:
            raise PolicyError("negative_threshold", str(above))
        if problem := _role_problem(self.roles):
            raise PolicyError("invalid_role", problem)
        roles = tuple(self.roles)
        if not roles:
            raise PolicyError("rule_without_roles")
        object.__setattr__(self, "above", above)
        object.__setattr__(self, "roles", roles)

    def applies_to(self, amount: Decimal) -> bool:
        return amount > self.above

    def as_dict(self) -> dict[str, Any]:
        return {"above": str(self.above), "roles": list(self.roles)}


@dataclass(frozen=True)
class Policy:
    version: int
    quorum: int = 3
    role_rules: tuple[RoleRule, ...] = ()
    veto_roles: frozenset[str] = frozenset()
    no_rule: str = NO_RULE_THRESHOLD
    no_threshold: int = 2

    def __post_init__(self) -> None:
        if isinstance(self.version, bool) or not isinstance(self.version, int):
            raise PolicyError("invalid_version", repr(self.version))
        if isinstance(self.quorum, bool) or not isinstance(self.quorum, int) or self.quorum < 1:
            raise PolicyError("invalid_quorum", repr(self.quorum))
        if (
            isinstance(self.no_threshold, bool)
            or not isinstance(self.no_threshold, int)
            or self.no_threshold < 1
        ):
            raise PolicyError("invalid_no_threshold", repr(self.no_threshold))
        if self.no_rule not in NO_RULES:
            raise PolicyError("unknown_no_rule", repr(self.no_rule))
        rules = tuple(self.role_rules)
        if not all(isinstance(rule, RoleRule) for rule in rules):
            raise PolicyError("invalid_rule")
        if len({rule.above for rule in rules}) != len(rules):
            raise PolicyError("duplicate_rule_threshold")
        object.__setattr__(self, "role_rules", rules)
        if problem := _role_problem(self.veto_roles):
            raise PolicyError("invalid_role", problem)
        object.__setattr__(self, "veto_roles", frozenset(self.veto_roles))

    def rule_for(self, amount: Decimal) -> RoleRule | None:
        """The applicable role rule: the highest ``above`` strictly below ``amount``."""
        amount = _check_amount(amount)
        applicable = [rule for rule in self.role_rules if rule.applies_to(amount)]
        return max(applicable, key=lambda rule: rule.above, default=None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready snapshot, e.g. to store next to a decision."""
        return {
            "version": self.version,
            "quorum": self.quorum,
            "role_rules": [rule.as_dict() for rule in self.role_rules],
            "veto_roles": sorted(self.veto_roles),
            "no_rule": self.no_rule,
            "no_threshold": self.no_threshold,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        return cls(
            version=data["version"],
            quorum=data.get("quorum", 3),
            role_rules=tuple(
                RoleRule(above=Decimal(str(rule["above"])), roles=tuple(rule["roles"]))
                for rule in data.get("role_rules", ())
            ),
            veto_roles=frozenset(data.get("veto_roles", ())),
            no_rule=data.get("no_rule", NO_RULE_THRESHOLD),
            no_threshold=data.get("no_threshold", 2),
        )


@dataclass(frozen=True)
class Decision:
    status: str
    yes: tuple[ApproverId, ...]
    no: tuple[ApproverId, ...]
    questions: tuple[ApproverId, ...]
    missing_roles: tuple[str, ...]
    yes_needed: int
    reason: str
    rule: RoleRule | None
    policy_version: int
    #: ``(approver_id, "self" | "not_eligible")``, one entry per person whose votes were ignored.
    ignored: tuple[tuple[ApproverId, str], ...] = ()

    @property
    def is_decided(self) -> bool:
        return self.status != PENDING

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready record of the decision (ids are kept as they are)."""
        return {
            "status": self.status,
            "reason": self.reason,
            "yes": list(self.yes),
            "no": list(self.no),
            "questions": list(self.questions),
            "missing_roles": list(self.missing_roles),
            "yes_needed": self.yes_needed,
            "rule": self.rule.as_dict() if self.rule else None,
            "policy_version": self.policy_version,
            "ignored": [list(item) for item in self.ignored],
        }


def _check_amount(amount: Any) -> Decimal:
    value = _to_decimal(amount, error=TypeError(f"amount must be a Decimal, not {amount!r}"))
    if value < 0:
        raise ValueError(f"amount must not be negative: {value}")
    return value


def _assign_roles(
    roles: Sequence[str], candidates: Mapping[ApproverId, frozenset[str]]
) -> list[ApproverId | None]:
    """Maximum bipartite matching of role slots to distinct people (Kuhn's augmenting paths).

    Slots are tried in the given order and a matched slot stays matched, so the set of covered
    slots is the greedy (rule-order) basis of the transversal matroid: which roles are reported
    missing depends on the order of ``roles`` only, never on the order of the candidates.
    """
    people = sorted(candidates, key=_id_key)
    holders = {role: [p for p in people if role in candidates[p]] for role in set(roles)}
    assigned: list[ApproverId | None] = [None] * len(roles)
    slot_of: dict[ApproverId, int] = {}

    def augment(slot: int, seen: set[ApproverId]) -> bool:
        for person in holders[roles[slot]]:
            if person in seen:
                continue
            seen.add(person)
            if person not in slot_of or augment(slot_of[person], seen):
                slot_of[person] = slot
                assigned[slot] = person
                return True
        return False

    for slot in range(len(roles)):
        augment(slot, set())
    return assigned


def uncovered_roles(
    roles: Sequence[str], candidates: Mapping[ApproverId, Iterable[str]]
) -> tuple[str, ...]:
    """The roles (in rule order) that distinct ``candidates`` (id → roles) cannot cover."""
    normalised = {pid: frozenset(held) for pid, held in candidates.items()}
    assigned = _assign_roles(tuple(roles), normalised)
    return tuple(role for role, person in zip(roles, assigned, strict=True) if person is None)


def _pool(
    eligible: Mapping[ApproverId, Approver], requester_id: ApproverId
) -> dict[ApproverId, frozenset[str]]:
    """Eligible approvers other than the requester: id → roles."""
    pool = {}
    for key, approver in eligible.items():
        if not isinstance(approver, Approver):
            raise TypeError(f"eligible[{key!r}] must be an Approver")
        if approver.id != key:
            raise ValueError(f"eligible key {key!r} does not match approver id {approver.id!r}")
        if key != requester_id:
            pool[key] = approver.roles
    return pool


def _latest_votes(
    votes: Iterable[Vote],
    requester_id: ApproverId,
    eligible: Mapping[ApproverId, Approver],
) -> tuple[dict[ApproverId, Vote], tuple[tuple[ApproverId, str], ...]]:
    latest: dict[ApproverId, Vote] = {}
    ignored: dict[ApproverId, str] = {}
    for vote in votes:
        if not isinstance(vote, Vote):
            raise TypeError(f"votes must be Vote objects, not {vote!r}")
        voter = vote.approver_id
        if voter == requester_id:
            ignored[voter] = IGNORED_SELF
            continue
        if voter not in eligible:
            ignored[voter] = IGNORED_NOT_ELIGIBLE
            continue
        current = latest.get(voter)
        if current is None or (vote.sequence, _CAUTION[vote.choice]) > (
            current.sequence,
            _CAUTION[current.choice],
        ):
            latest[voter] = vote
    ignored_list = tuple(sorted(ignored.items(), key=lambda item: _id_key(item[0])))
    return latest, ignored_list


def _voters(latest: Mapping[ApproverId, Vote], choice: str) -> tuple[ApproverId, ...]:
    chosen = [vote for vote in latest.values() if vote.choice == choice]
    chosen.sort(key=lambda vote: (vote.sequence, _id_key(vote.approver_id)))
    return tuple(vote.approver_id for vote in chosen)


def evaluate(
    policy: Policy,
    *,
    amount: Decimal,
    requester_id: ApproverId,
    eligible: Mapping[ApproverId, Approver],
    votes: Iterable[Vote],
) -> Decision:
    """Evaluate the votes on one request under ``policy``.

    ``yes``, ``no`` and ``questions`` list the approvers whose latest vote is that choice, in the
    order of those votes' sequence.
    """
    amount = _check_amount(amount)
    pool = _pool(eligible, requester_id)
    latest, ignored = _latest_votes(votes, requester_id, eligible)
    yes, no, questions = (_voters(latest, choice) for choice in CHOICES)

    rule = policy.rule_for(amount)
    yes_needed = max(0, policy.quorum - len(yes))
    missing = uncovered_roles(rule.roles, {p: pool[p] for p in yes}) if rule else ()

    reason = None
    if any(pool[p] & policy.veto_roles for p in no):
        reason = REASON_VETO
    elif policy.no_rule == NO_RULE_THRESHOLD and len(no) >= policy.no_threshold:
        reason = REASON_TOO_MANY_NO
    elif policy.no_rule == NO_RULE_IMPOSSIBLE:
        no_set = set(no)
        potential = {p: roles for p, roles in pool.items() if p not in no_set}
        if len(potential) < policy.quorum or (rule and uncovered_roles(rule.roles, potential)):
            reason = REASON_CANNOT_BE_REACHED

    if reason is not None:
        status = REJECTED
    elif yes_needed == 0 and not missing:
        status = APPROVED
        reason = REASON_ROLES_COVERED if rule else REASON_QUORUM_REACHED
    else:
        status, reason = PENDING, REASON_WAITING

    return Decision(
        status=status,
        yes=yes,
        no=no,
        questions=questions,
        missing_roles=missing,
        yes_needed=yes_needed,
        reason=reason,
        rule=rule,
        policy_version=policy.version,
        ignored=ignored,
    )


def waiting_for(
    policy: Policy,
    *,
    amount: Decimal,
    requester_id: ApproverId,
    eligible: Mapping[ApproverId, Approver],
    votes: Iterable[Vote],
) -> tuple[ApproverId, ...]:
    """Eligible approvers (never the requester) who have not voted yet.

    Empty once the request is decided. When roles are missing, the people whose "ja" would
    cover one more role come first: everyone holding a missing role, and also someone whose
    "ja" lets a colleague who already said yes move over to the missing role. Within each group
    the order is by id.
    """
    votes = tuple(votes)
    decision = evaluate(
        policy, amount=amount, requester_id=requester_id, eligible=eligible, votes=votes
    )
    if decision.is_decided:
        return ()
    pool = _pool(eligible, requester_id)
    voted = {vote.approver_id for vote in votes}
    not_voted = [p for p in pool if p not in voted]
    rule = decision.rule
    if not decision.missing_roles or rule is None:
        return tuple(sorted(not_voted, key=_id_key))

    yes_roles = {p: pool[p] for p in decision.yes}
    now_missing = len(decision.missing_roles)

    def helps(person: ApproverId) -> bool:
        with_person = {**yes_roles, person: pool[person]}
        return len(uncovered_roles(rule.roles, with_person)) < now_missing

    return tuple(sorted(not_voted, key=lambda p: (not helps(p), _id_key(p))))
