"""Unit and property tests of the pure-Python approval quorum. No database.

The Utrecht toeslagenherstelpotje (seed 000): "Bij 3 keer 'ja' is het een 'go'"; above €5,000
four people must agree: a gezinswerker, a manager buurtteam (teamleider), a projectleider and a
manager W&I. The property tests compare `evaluate` with a brute-force reference implementation.
"""

import ast
import itertools
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from doorbraak.approvals import quorum
from doorbraak.approvals.quorum import (
    APPROVED,
    CHOICES,
    NO,
    NO_RULES,
    PENDING,
    QUESTION,
    REJECTED,
    YES,
    Approver,
    Decision,
    Policy,
    PolicyError,
    RoleRule,
    Vote,
    evaluate,
    uncovered_roles,
    waiting_for,
)

D = Decimal
FOUR = ("gezinswerker", "teamleider", "projectleider", "manager-wi")
UTRECHT = Policy(
    version=1,
    quorum=3,
    role_rules=(RoleRule(D("5000.00"), FOUR),),
    veto_roles=frozenset({"inkomensconsulent"}),
)
MINIMAATWERK = Policy(version=2, quorum=3, role_rules=(RoleRule(D("500.00"), ("teamleider",)),))

#: The Utrecht app group. "req" is the gezinswerker who asks; 10 is a second gezinswerker.
GROUP = {
    "req": Approver("req", frozenset({"gezinswerker"})),
    1: Approver(1, frozenset({"gezinswerker"})),
    2: Approver(2, frozenset({"teamleider"})),
    3: Approver(3, frozenset({"projectleider"})),
    4: Approver(4, frozenset({"manager-wi"})),
    5: Approver(5, frozenset({"buurtteammedewerker"})),
    6: Approver(6, frozenset({"inkomensconsulent"})),
    7: Approver(7, frozenset({"buurtteammedewerker"})),
    10: Approver(10, frozenset({"gezinswerker"})),
}

FAST = settings(deadline=None, max_examples=60)


def votes(*pairs, start=1):
    """votes((1, "ja"), (2, "nee")) → Votes with increasing sequence numbers."""
    return [Vote(who, choice, start + i) for i, (who, choice) in enumerate(pairs)]


def ja(*ids, start=1):
    return votes(*((i, YES) for i in ids), start=start)


def run(policy=UTRECHT, amount="600.00", requester="req", eligible=None, vote_list=()):
    return evaluate(
        policy,
        amount=D(amount),
        requester_id=requester,
        eligible=GROUP if eligible is None else eligible,
        votes=list(vote_list),
    )


def waiting(policy=UTRECHT, amount="600.00", requester="req", eligible=None, vote_list=()):
    return waiting_for(
        policy,
        amount=D(amount),
        requester_id=requester,
        eligible=GROUP if eligible is None else eligible,
        votes=list(vote_list),
    )


# --- The Utrecht potje -----------------------------------------------------------------------


def test_600_euro_with_three_yes_is_a_go():
    decision = run(vote_list=ja(5, 7, 1))
    assert decision.status == APPROVED
    assert decision.reason == "quorum_reached"
    assert decision.yes == (5, 7, 1)
    assert decision.yes_needed == 0
    assert decision.missing_roles == ()
    assert decision.rule is None
    assert decision.policy_version == 1


def test_600_euro_with_two_yes_waits_for_one_more():
    decision = run(vote_list=ja(5, 7))
    assert (decision.status, decision.reason, decision.yes_needed) == (PENDING, "waiting", 1)
    assert run().yes_needed == 3


def test_6500_euro_needs_all_four_roles():
    decision = run(amount="6500.00", vote_list=ja(1, 2, 3, 4))
    assert decision.status == APPROVED
    assert decision.reason == "roles_covered"
    assert decision.rule == UTRECHT.role_rules[0]
    assert decision.missing_roles == ()


def test_6500_euro_with_three_of_four_roles_is_pending_although_the_count_is_reached():
    decision = run(amount="6500.00", vote_list=ja(1, 2, 3))
    assert decision.status == PENDING
    assert decision.yes_needed == 0
    assert decision.missing_roles == ("manager-wi",)


def test_a_fifth_colleagues_yes_does_not_replace_a_missing_role():
    decision = run(amount="6500.00", vote_list=ja(1, 2, 3, 5, 7))
    assert decision.status == PENDING
    assert decision.missing_roles == ("manager-wi",)
    assert len(decision.yes) == 5


def test_6500_euro_without_any_role_reports_all_four_missing():
    decision = run(amount="6500.00", vote_list=ja(5, 7, 6))
    assert decision.missing_roles == FOUR
    assert decision.status == PENDING


@pytest.mark.parametrize(
    ("amount", "status", "rule", "missing"),
    [
        ("0.00", APPROVED, False, ()),
        ("4999.99", APPROVED, False, ()),
        ("5000", APPROVED, False, ()),
        ("5000.00", APPROVED, False, ()),
        ("5000.001", PENDING, True, ("teamleider", "projectleider", "manager-wi")),
        ("5000.01", PENDING, True, ("teamleider", "projectleider", "manager-wi")),
        ("6500.00", PENDING, True, ("teamleider", "projectleider", "manager-wi")),
    ],
)
def test_utrecht_boundary_is_strictly_above_5000(amount, status, rule, missing):
    decision = run(amount=amount, vote_list=ja(1, 5, 7))
    assert decision.status == status
    assert (decision.rule is not None) == rule
    assert decision.missing_roles == missing


@pytest.mark.parametrize(
    ("amount", "voters", "status", "missing"),
    [
        ("500.00", (1, 5, 7), APPROVED, ()),
        ("500.01", (1, 5, 7), PENDING, ("teamleider",)),
        ("500.01", (1, 5, 2), APPROVED, ()),
        ("500.00", (1, 2), PENDING, ()),
        ("500.01", (1, 2), PENDING, ()),
    ],
)
def test_minimaatwerk_boundary_at_500(amount, voters, status, missing):
    decision = run(policy=MINIMAATWERK, amount=amount, vote_list=ja(*voters))
    assert decision.status == status
    assert decision.missing_roles == missing
    assert decision.policy_version == 2


def test_the_highest_applicable_rule_wins_whatever_the_order_of_the_rules():
    small = RoleRule(D("500"), ("teamleider",))
    large = RoleRule(D("5000"), ("projectleider", "manager-wi"))
    for rules in [(small, large), (large, small)]:
        policy = Policy(version=3, quorum=2, role_rules=rules)
        assert policy.rule_for(D("500")) is None
        assert policy.rule_for(D("500.01")) == small
        assert policy.rule_for(D("5000")) == small
        assert policy.rule_for(D("5000.01")) == large
        # above 5000 the teamleider is no longer required, the two managers are
        decision = run(policy=policy, amount="6000", vote_list=ja(3, 4))
        assert (decision.status, decision.rule) == (APPROVED, large)
        decision = run(policy=policy, amount="6000", vote_list=ja(2, 3))
        assert decision.missing_roles == ("manager-wi",)


def test_a_rule_above_zero_applies_to_every_positive_amount_but_not_to_zero():
    policy = Policy(version=1, quorum=1, role_rules=(RoleRule(D("0"), ("teamleider",)),))
    assert run(policy=policy, amount="0", vote_list=ja(5)).status == APPROVED
    assert run(policy=policy, amount="0.01", vote_list=ja(5)).missing_roles == ("teamleider",)
    assert run(policy=policy, amount="0.01", vote_list=ja(2)).status == APPROVED


# --- Distinct people for distinct roles ------------------------------------------------------


def test_one_person_holding_two_roles_covers_only_one():
    eligible = {
        **GROUP,
        8: Approver(8, frozenset({"teamleider", "projectleider"})),
    }
    decision = run(amount="6500", eligible=eligible, vote_list=ja(1, 8, 4))
    assert decision.status == PENDING
    assert len(decision.missing_roles) == 1
    assert decision.missing_roles[0] in {"teamleider", "projectleider"}
    # a real projectleider completes it: 8 then counts as the teamleider
    assert run(amount="6500", eligible=eligible, vote_list=ja(1, 8, 4, 3)).status == APPROVED


def test_a_person_with_all_four_roles_still_needs_three_others():
    eligible = {**GROUP, 8: Approver(8, frozenset(FOUR))}
    assert run(amount="6500", eligible=eligible, vote_list=ja(8, 5, 7)).missing_roles == (
        "teamleider",
        "projectleider",
        "manager-wi",
    )
    decision = run(amount="6500", eligible=eligible, vote_list=ja(8, 2, 3, 4))
    assert decision.status == APPROVED  # 8 covers the gezinswerker


def test_matching_moves_a_double_role_holder_to_the_role_nobody_else_has():
    eligible = {
        "x": Approver("x", frozenset({"gezinswerker", "teamleider"})),
        "y": Approver("y", frozenset({"gezinswerker"})),
        "p": Approver("p", frozenset({"projectleider"})),
        "m": Approver("m", frozenset({"manager-wi"})),
    }
    # "x" votes first and could greedily take gezinswerker; a matching puts "x" on teamleider
    for order in [("x", "y", "p", "m"), ("y", "x", "m", "p")]:
        decision = run(amount="6500", requester="z", eligible=eligible, vote_list=ja(*order))
        assert decision.status == APPROVED


def test_a_role_listed_twice_needs_two_distinct_people():
    policy = Policy(
        version=1, quorum=1, role_rules=(RoleRule(D("0"), ("gezinswerker", "gezinswerker")),)
    )
    assert run(policy=policy, amount="1", vote_list=ja(1)).missing_roles == ("gezinswerker",)
    assert run(policy=policy, amount="1", vote_list=ja(1, 10)).status == APPROVED


def test_uncovered_roles_reports_the_last_roles_in_rule_order():
    both = {"x": {"teamleider", "projectleider"}}
    assert uncovered_roles(("teamleider", "projectleider"), both) == ("projectleider",)
    assert uncovered_roles(("projectleider", "teamleider"), both) == ("teamleider",)
    assert uncovered_roles(("teamleider",), {}) == ("teamleider",)
    assert uncovered_roles((), {"x": {"teamleider"}}) == ()


# --- Who counts ------------------------------------------------------------------------------


def test_the_requesters_own_yes_never_counts():
    decision = run(vote_list=ja("req", 5, 7))
    assert decision.status == PENDING
    assert decision.yes == (5, 7)
    assert decision.ignored == (("req", "self"),)


def test_the_requester_never_counts_even_when_not_in_the_eligible_group():
    eligible = {k: v for k, v in GROUP.items() if k != "req"}
    decision = run(eligible=eligible, vote_list=ja("req", 5, 7))
    assert decision.status == PENDING
    assert decision.ignored == (("req", "self"),)


def test_the_requester_cannot_cover_their_own_role():
    # the only gezinswerkers are the requester and 1 and 10; without them the role stays open
    decision = run(amount="6500", vote_list=ja("req", 2, 3, 4))
    assert decision.missing_roles == ("gezinswerker",)
    assert run(amount="6500", vote_list=ja(10, 2, 3, 4)).status == APPROVED


def test_a_requesters_no_or_veto_role_does_not_count_either():
    eligible = {**GROUP, "req": Approver("req", frozenset({"inkomensconsulent"}))}
    decision = run(eligible=eligible, vote_list=votes(("req", NO), (5, YES), (7, YES), (1, YES)))
    assert decision.status == APPROVED
    assert decision.no == ()


def test_votes_from_people_outside_the_eligible_group_never_count():
    decision = run(vote_list=ja(5, "outsider", 99, 7))
    assert decision.status == PENDING
    assert decision.yes == (5, 7)
    assert decision.ignored == ((99, "not_eligible"), ("outsider", "not_eligible"))
    # an outsider's "nee" (even two) does not reject, an outsider veto does not veto
    decision = run(vote_list=votes((98, NO), (99, NO), ("ic", NO)) + ja(5, 7, 1, start=10))
    assert decision.status == APPROVED


def test_ignored_lists_each_person_once():
    decision = run(vote_list=ja("req", 99, "req", 99, 5))
    assert decision.ignored == ((99, "not_eligible"), ("req", "self"))


# --- Latest vote wins ------------------------------------------------------------------------


def test_the_latest_vote_counts():
    changed_mind = votes((5, YES), (7, YES), (1, YES), (1, NO))
    decision = run(policy=replace(UTRECHT, no_rule="veto_only"), vote_list=changed_mind)
    assert (decision.status, decision.yes, decision.no) == (PENDING, (5, 7), (1,))
    decision = run(vote_list=votes((5, YES), (7, NO), (1, YES), (7, QUESTION), (7, YES)))
    assert (decision.status, decision.yes) == (APPROVED, (5, 1, 7))


def test_latest_means_highest_sequence_not_position_in_the_list():
    vote_list = [Vote(7, YES, 9), Vote(5, YES, 1), Vote(7, NO, 2), Vote(1, YES, 3)]
    decision = run(vote_list=vote_list)
    assert decision.status == APPROVED
    assert decision.yes == (5, 1, 7)  # ordered by the sequence of each latest vote


def test_two_votes_with_the_same_sequence_the_most_cautious_counts():
    for pair in [[Vote(7, YES, 5), Vote(7, NO, 5)], [Vote(7, NO, 5), Vote(7, YES, 5)]]:
        decision = run(vote_list=ja(5, 1) + pair)
        assert decision.no == (7,)
    for pair in [[Vote(7, YES, 5), Vote(7, QUESTION, 5)], [Vote(7, QUESTION, 5), Vote(7, YES, 5)]]:
        assert run(vote_list=ja(5, 1) + pair).questions == (7,)


def test_a_question_neither_blocks_nor_counts():
    decision = run(vote_list=votes((5, YES), (6, QUESTION), (7, YES), (1, YES)))
    assert decision.status == APPROVED
    assert decision.questions == (6,)
    assert decision.yes == (5, 7, 1)
    decision = run(vote_list=votes((5, QUESTION), (6, QUESTION), (7, QUESTION)))
    assert (decision.status, decision.yes_needed) == (PENDING, 3)


# --- Veto and the no rules -------------------------------------------------------------------


def test_the_inkomensconsulent_vetoes_whatever_the_yes_count():
    decision = run(amount="6500", vote_list=ja(1, 2, 3, 4, 5, 7) + votes((6, NO), start=20))
    assert (decision.status, decision.reason) == (REJECTED, "veto")
    assert decision.missing_roles == ()  # the rest would have approved: veto takes precedence
    assert decision.yes_needed == 0


@pytest.mark.parametrize("no_rule", NO_RULES)
def test_veto_works_under_every_no_rule(no_rule):
    policy = replace(UTRECHT, no_rule=no_rule)
    assert run(policy=policy, vote_list=votes((6, NO))).reason == "veto"


def test_a_veto_can_be_withdrawn_before_the_decision():
    decision = run(vote_list=votes((6, NO), (5, YES), (7, YES), (1, YES), (6, YES)))
    assert decision.status == APPROVED
    decision = run(vote_list=votes((6, NO), (5, YES), (7, YES), (1, YES), (6, QUESTION)))
    assert decision.status == APPROVED


def test_a_no_from_a_non_veto_role_is_not_a_veto():
    decision = run(vote_list=votes((2, NO), (5, YES), (7, YES), (1, YES)))
    assert decision.status == APPROVED


def test_threshold_rejects_at_two_no_votes_even_with_enough_yes():
    assert run(vote_list=votes((5, NO))).status == PENDING
    decision = run(vote_list=votes((5, NO), (7, NO)))
    assert (decision.status, decision.reason, decision.no) == (REJECTED, "too_many_no", (5, 7))
    decision = run(vote_list=ja(1, 2, 3, 4) + votes((5, NO), (7, NO), start=10))
    assert (decision.status, decision.reason) == (REJECTED, "too_many_no")


def test_threshold_one_makes_every_no_final():
    policy = replace(UTRECHT, no_threshold=1)
    assert run(policy=policy, vote_list=ja(1, 2, 3) + votes((5, NO), start=9)).status == REJECTED


def test_veto_only_never_rejects_on_ordinary_no_votes():
    policy = replace(UTRECHT, no_rule="veto_only")
    decision = run(policy=policy, vote_list=votes((1, NO), (2, NO), (3, NO), (4, NO), (5, NO)))
    assert (decision.status, decision.reason) == (PENDING, "waiting")
    decision = run(policy=policy, vote_list=votes((1, NO), (2, NO), (3, YES), (4, YES), (5, YES)))
    assert decision.status == APPROVED


def test_impossible_rejects_when_the_quorum_can_no_longer_be_reached():
    policy = replace(UTRECHT, no_rule="impossible")
    small = {k: GROUP[k] for k in ("req", 1, 2, 3, 5)}  # four possible approvers
    assert run(policy=policy, eligible=small, vote_list=votes((1, NO))).status == PENDING
    decision = run(policy=policy, eligible=small, vote_list=votes((1, NO), (2, NO)))
    assert (decision.status, decision.reason) == (REJECTED, "cannot_be_reached")
    # the whole group is larger: two "nee" leave enough people
    assert run(policy=policy, vote_list=votes((1, NO), (2, NO))).status == PENDING


def test_impossible_rejects_when_the_only_holder_of_a_role_says_no():
    policy = replace(UTRECHT, no_rule="impossible")
    decision = run(policy=policy, amount="6500", vote_list=votes((4, NO)))
    assert (decision.status, decision.reason) == (REJECTED, "cannot_be_reached")
    assert decision.missing_roles == FOUR
    # for a small amount no role is needed, so the same "nee" does not decide anything
    assert run(policy=policy, amount="600", vote_list=votes((4, NO))).status == PENDING
    # two gezinswerkers besides the requester: one "nee" leaves the other
    assert run(policy=policy, amount="6500", vote_list=votes((1, NO))).status == PENDING
    assert run(policy=policy, amount="6500", vote_list=votes((1, NO), (10, NO))).status == REJECTED


def test_impossible_rejects_a_group_too_small_from_the_start():
    policy = replace(UTRECHT, no_rule="impossible")
    tiny = {k: GROUP[k] for k in ("req", 1, 2)}
    assert run(policy=policy, eligible=tiny).reason == "cannot_be_reached"
    assert run(policy=UTRECHT, eligible=tiny).reason == "waiting"


def test_impossible_counts_questions_and_silence_as_possible_yes():
    policy = replace(UTRECHT, no_rule="impossible")
    small = {k: GROUP[k] for k in ("req", 1, 2, 3, 5)}
    decision = run(policy=policy, eligible=small, vote_list=votes((1, NO), (2, QUESTION)))
    assert decision.status == PENDING


# --- waiting_for -----------------------------------------------------------------------------


def test_waiting_for_everyone_but_the_requester_and_those_who_voted():
    assert waiting(vote_list=votes((5, YES), (6, QUESTION), ("req", YES), (99, YES))) == (
        1,
        2,
        3,
        4,
        7,
        10,
    )


def test_waiting_for_puts_holders_of_a_missing_role_first():
    result = waiting(amount="6500", vote_list=ja(1, 5, 7))
    assert result[:3] == (2, 3, 4)
    assert set(result) == {2, 3, 4, 6, 10}


def test_waiting_for_also_puts_first_whoever_frees_a_double_role_holder():
    eligible = {
        "x": Approver("x", frozenset({"gezinswerker", "teamleider"})),
        "y": Approver("y", frozenset({"gezinswerker"})),
        "p": Approver("p", frozenset({"projectleider"})),
        "m": Approver("m", frozenset({"manager-wi"})),
        "b": Approver("b", frozenset({"buurtteammedewerker"})),
    }
    decision = run(amount="6500", requester="z", eligible=eligible, vote_list=ja("x", "p", "m"))
    assert decision.missing_roles == ("teamleider",)
    # "y" holds no missing role, but with "y" as gezinswerker "x" covers the teamleider
    result = waiting(amount="6500", requester="z", eligible=eligible, vote_list=ja("x", "p", "m"))
    assert result == ("y", "b")


def test_waiting_for_nobody_once_decided():
    assert waiting(vote_list=ja(5, 7, 1)) == ()
    assert waiting(vote_list=votes((6, NO))) == ()


# --- Policy and input validation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: Policy(version=1, quorum=0), "invalid_quorum"),
        (lambda: Policy(version=1, quorum=-3), "invalid_quorum"),
        (lambda: Policy(version=1, quorum=True), "invalid_quorum"),
        (lambda: Policy(version=1, quorum="3"), "invalid_quorum"),
        (lambda: Policy(version=1, no_threshold=0), "invalid_no_threshold"),
        (lambda: Policy(version=1, no_threshold=2.0), "invalid_no_threshold"),
        (lambda: Policy(version=1, no_rule="majority"), "unknown_no_rule"),
        (lambda: Policy(version="1"), "invalid_version"),
        (lambda: Policy(version=1, veto_roles="inkomensconsulent"), "invalid_role"),
        (lambda: Policy(version=1, role_rules=("teamleider",)), "invalid_rule"),
        (
            lambda: Policy(
                version=1,
                role_rules=(RoleRule(D("5000"), ("a",)), RoleRule(D("5000.00"), ("b",))),
            ),
            "duplicate_rule_threshold",
        ),
        (lambda: RoleRule(D("5000"), ()), "rule_without_roles"),
        (lambda: RoleRule(D("5000"), "teamleider"), "invalid_role"),
        (lambda: RoleRule(D("5000"), ("teamleider", "")), "invalid_role"),
        (lambda: RoleRule(D("5000"), ("teamleider", None)), "invalid_role"),
        (lambda: RoleRule(D("-0.01"), ("teamleider",)), "negative_threshold"),
        (lambda: RoleRule(5000.0, ("teamleider",)), "invalid_threshold"),
        (lambda: RoleRule(D("NaN"), ("teamleider",)), "invalid_threshold"),
        (lambda: RoleRule(D("Infinity"), ("teamleider",)), "invalid_threshold"),
        (lambda: RoleRule("vijfduizend", ("teamleider",)), "invalid_threshold"),
    ],
)
def test_policy_validation(make, code):
    with pytest.raises(PolicyError) as excinfo:
        make()
    assert excinfo.value.code == code
    assert isinstance(excinfo.value, ValueError)


def test_valid_policies_are_normalised():
    rule = RoleRule(5000, ["teamleider"])
    assert rule.above == D("5000") and isinstance(rule.above, Decimal)
    assert rule.roles == ("teamleider",)
    policy = Policy(version=1, role_rules=[rule], veto_roles={"inkomensconsulent"})
    assert policy.role_rules == (rule,)
    assert policy.veto_roles == frozenset({"inkomensconsulent"})
    assert RoleRule(D("0"), ("a",)).above == 0
    with pytest.raises(AttributeError):
        policy.quorum = 1


def test_invalid_votes_approvers_and_inputs():
    with pytest.raises(ValueError, match="choice"):
        Vote(1, "misschien", 1)
    with pytest.raises(ValueError, match="sequence"):
        Vote(1, YES, "1")
    with pytest.raises(ValueError, match="str"):
        Approver(1, "teamleider")
    with pytest.raises(TypeError):
        evaluate(UTRECHT, amount=600.0, requester_id="req", eligible=GROUP, votes=[])
    with pytest.raises(ValueError, match="negative"):
        run(amount="-1")
    with pytest.raises(ValueError, match="does not match"):
        run(eligible={1: Approver(2, frozenset())})
    with pytest.raises(TypeError):
        run(vote_list=[(5, YES, 1)])
    assert Approver(1, ["a", "b"]).roles == frozenset({"a", "b"})


def test_policy_round_trips_through_json():
    policy = Policy(
        version=7,
        quorum=4,
        role_rules=(RoleRule(D("500.00"), ("teamleider",)), RoleRule(D("5000.00"), FOUR)),
        veto_roles=frozenset({"inkomensconsulent", "manager-wi"}),
        no_rule="impossible",
        no_threshold=3,
    )
    restored = Policy.from_dict(json.loads(json.dumps(policy.as_dict())))
    assert restored == policy
    assert Policy.from_dict({"version": 1}) == Policy(version=1)


def test_decision_is_json_ready_and_explains_itself():
    decision = run(amount="6500", vote_list=ja(1, 2, 3, "req") + votes((6, QUESTION), start=9))
    data = json.loads(json.dumps(decision.as_dict()))
    assert data == {
        "status": "pending",
        "reason": "waiting",
        "yes": [1, 2, 3],
        "no": [],
        "questions": [6],
        "missing_roles": ["manager-wi"],
        "yes_needed": 0,
        "rule": {"above": "5000.00", "roles": list(FOUR)},
        "policy_version": 1,
        "ignored": [["req", "self"]],
    }
    assert not decision.is_decided


def test_quorum_module_is_pure_python():
    tree = ast.parse(Path(quorum.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "collections", "dataclasses", "decimal", "typing"}


# --- Reference implementation (brute force) for the property tests --------------------------

ROLES = (
    "gezinswerker",
    "buurtteammedewerker",
    "teamleider",
    "projectleider",
    "manager-wi",
    "inkomensconsulent",
)
IDS = (1, 2, 3, 4, 5, 6, "a", "b")
OUTSIDERS = (98, 99, "x")
AMOUNTS = ("0", "0.01", "500.00", "500.01", "4999.99", "5000.00", "5000.01", "6500")
CAUTION = {YES: 0, QUESTION: 1, NO: 2}


def coverable(roles, people, held):
    """Can distinct ``people`` cover ``roles``? Tries every injective assignment."""
    if len(roles) > len(people):
        return False
    return any(
        all(role in held[p] for role, p in zip(roles, chosen, strict=True))
        for chosen in itertools.permutations(people, len(roles))
    )


def reference_missing(roles, people, held):
    """Greedy in rule order: a role is covered if it can join the roles covered before it."""
    covered, missing = [], []
    for role in roles:
        if coverable([*covered, role], people, held):
            covered.append(role)
        else:
            missing.append(role)
    return tuple(missing)


def reference(policy, amount, requester, eligible, vote_list):
    """(status, reason, yes set, no set, missing) computed the slow and obvious way."""
    pool = {k: a.roles for k, a in eligible.items() if k != requester}
    latest = {}
    for v in sorted(vote_list, key=lambda v: (v.sequence, CAUTION[v.choice])):
        if v.approver_id in pool:
            latest[v.approver_id] = v.choice
    yes = {p for p, c in latest.items() if c == YES}
    no = {p for p, c in latest.items() if c == NO}
    rules = [r for r in policy.role_rules if amount > r.above]
    rule = max(rules, key=lambda r: r.above) if rules else None
    roles = rule.roles if rule else ()
    missing = reference_missing(roles, sorted(yes, key=str), pool)
    possible = [p for p in pool if p not in no]
    if any(pool[p] & policy.veto_roles for p in no):
        return REJECTED, "veto", yes, no, missing
    if policy.no_rule == "threshold" and len(no) >= policy.no_threshold:
        return REJECTED, "too_many_no", yes, no, missing
    if policy.no_rule == "impossible" and (
        len(possible) < policy.quorum or not coverable(roles, possible, pool)
    ):
        return REJECTED, "cannot_be_reached", yes, no, missing
    if len(yes) >= policy.quorum and not missing:
        return APPROVED, "roles_covered" if rule else "quorum_reached", yes, no, missing
    return PENDING, "waiting", yes, no, missing


@st.composite
def policies(draw):
    thresholds = draw(
        st.lists(st.sampled_from([D("0"), D("500.00"), D("5000.00")]), unique=True, max_size=2)
    )
    rules = tuple(
        RoleRule(t, tuple(draw(st.lists(st.sampled_from(ROLES[:5]), min_size=1, max_size=4))))
        for t in thresholds
    )
    return Policy(
        version=draw(st.integers(1, 5)),
        quorum=draw(st.integers(1, 4)),
        role_rules=rules,
        veto_roles=draw(st.frozensets(st.sampled_from(ROLES), max_size=2)),
        no_rule=draw(st.sampled_from(NO_RULES)),
        no_threshold=draw(st.integers(1, 3)),
    )


@st.composite
def scenarios(draw):
    policy = draw(policies())
    ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=7))
    eligible = {
        i: Approver(i, draw(st.frozensets(st.sampled_from(ROLES), max_size=3))) for i in ids
    }
    requester = draw(st.sampled_from(IDS + OUTSIDERS))
    amount = draw(
        st.sampled_from([D(a) for a in AMOUNTS]) | st.decimals(0, 10000, places=2, allow_nan=False)
    )
    vote_list = draw(
        st.lists(
            st.builds(
                Vote,
                st.sampled_from(IDS + OUTSIDERS),
                st.sampled_from(CHOICES),
                st.integers(0, 20),
            ),
            max_size=14,
        )
    )
    return policy, amount, requester, eligible, vote_list


def decide(scenario, vote_list=None):
    policy, amount, requester, eligible, original = scenario
    return evaluate(
        policy,
        amount=amount,
        requester_id=requester,
        eligible=eligible,
        votes=original if vote_list is None else vote_list,
    )


def without_ignored(decision: Decision) -> Decision:
    return replace(decision, ignored=())


def next_sequence(vote_list):
    return max((v.sequence for v in vote_list), default=0) + 1


# --- Properties ------------------------------------------------------------------------------


@FAST
@given(scenarios())
def test_evaluate_agrees_with_the_brute_force_reference(scenario):
    policy, amount, requester, eligible, vote_list = scenario
    decision = decide(scenario)
    status, reason, yes, no, missing = reference(policy, amount, requester, eligible, vote_list)
    assert (decision.status, decision.reason) == (status, reason)
    assert set(decision.yes) == yes and len(decision.yes) == len(yes)
    assert set(decision.no) == no and len(decision.no) == len(no)
    assert decision.missing_roles == missing
    assert decision.yes_needed == max(0, policy.quorum - len(yes))
    assert decision.rule == policy.rule_for(amount)
    assert decision.policy_version == policy.version


@FAST
@given(scenarios())
def test_decision_invariants(scenario):
    policy, amount, requester, eligible, vote_list = scenario
    decision = decide(scenario)
    voters = decision.yes + decision.no + decision.questions
    assert len(set(voters)) == len(voters)
    assert requester not in voters
    assert set(voters) <= set(eligible)
    assert decision.yes_needed >= 0
    if decision.status == APPROVED:
        assert decision.yes_needed == 0 and decision.missing_roles == ()
    if decision.rule is None:
        assert decision.missing_roles == ()
    else:
        remaining = list(decision.rule.roles)
        for role in decision.missing_roles:
            remaining.remove(role)  # a sub-multiset of the rule's roles
    for person, why in decision.ignored:
        assert why == ("self" if person == requester else "not_eligible")
        assert person == requester or person not in eligible
    outsiders = {v.approver_id for v in vote_list} - (set(eligible) - {requester})
    assert {person for person, _ in decision.ignored} == outsiders


@FAST
@given(scenarios(), st.data())
def test_the_requesters_votes_never_change_the_decision(scenario, data):
    policy, amount, requester, eligible, vote_list = scenario
    own = data.draw(
        st.lists(st.builds(Vote, st.just(requester), st.sampled_from(CHOICES), st.integers(0, 30)))
    )
    mixed = data.draw(st.permutations(vote_list + own))
    before, after = decide(scenario), decide(scenario, mixed)
    assert without_ignored(after) == without_ignored(before)
    if own:
        assert (requester, "self") in after.ignored


@FAST
@given(scenarios(), st.data())
def test_votes_from_non_eligible_people_never_change_the_decision(scenario, data):
    policy, amount, requester, eligible, vote_list = scenario
    strangers = [p for p in IDS + OUTSIDERS if p not in eligible and p != requester]
    extra = data.draw(
        st.lists(
            st.builds(
                Vote, st.sampled_from(strangers), st.sampled_from(CHOICES), st.integers(0, 30)
            )
        )
    )
    after = decide(scenario, vote_list + extra)
    assert without_ignored(after) == without_ignored(decide(scenario))
    assert {p for p, _ in after.ignored} >= {v.approver_id for v in extra}


@FAST
@given(scenarios(), st.data())
def test_an_extra_yes_never_hurts(scenario, data):
    policy, amount, requester, eligible, vote_list = scenario
    pool = sorted((p for p in eligible if p != requester), key=str)
    assume(pool)
    who = data.draw(st.sampled_from(pool))
    before = decide(scenario)
    after = decide(scenario, vote_list + [Vote(who, YES, next_sequence(vote_list))])
    if before.status == APPROVED:
        assert after.status == APPROVED
    if before.status != REJECTED:
        assert after.status != REJECTED
    assert after.yes_needed <= before.yes_needed
    assert len(after.missing_roles) <= len(before.missing_roles)


@FAST
@given(scenarios(), st.data())
def test_removing_a_no_never_turns_a_decision_into_a_rejection(scenario, data):
    policy, amount, requester, eligible, vote_list = scenario
    no_vote = data.draw(
        st.builds(Vote, st.sampled_from(IDS + OUTSIDERS), st.just(NO), st.integers(0, 21))
    )
    index = data.draw(st.integers(0, len(vote_list)))
    with_no = vote_list[:index] + [no_vote] + vote_list[index:]
    before, after = decide(scenario, with_no), decide(scenario)
    if before.status == APPROVED:
        assert after.status == APPROVED
    if before.status != REJECTED:
        assert after.status != REJECTED
    assert len(after.no) <= len(before.no)


@FAST
@given(scenarios(), st.data())
def test_only_sequence_matters_not_the_order_of_the_list(scenario, data):
    policy, amount, requester, eligible, vote_list = scenario
    shuffled = data.draw(st.permutations(vote_list))
    assert decide(scenario, shuffled) == decide(scenario)
    reordered_group = dict(reversed(list(eligible.items())))
    again = evaluate(
        policy, amount=amount, requester_id=requester, eligible=reordered_group, votes=shuffled
    )
    assert again == decide(scenario)
    first = waiting_for(
        policy, amount=amount, requester_id=requester, eligible=eligible, votes=vote_list
    )
    second = waiting_for(
        policy, amount=amount, requester_id=requester, eligible=reordered_group, votes=shuffled
    )
    assert first == second


@FAST
@given(scenarios())
def test_waiting_for_properties(scenario):
    policy, amount, requester, eligible, vote_list = scenario
    decision = decide(scenario)
    result = waiting_for(
        policy, amount=amount, requester_id=requester, eligible=eligible, votes=iter(vote_list)
    )
    if decision.status != PENDING:
        assert result == ()
        return
    voted = {v.approver_id for v in vote_list}
    assert set(result) == {p for p in eligible if p != requester and p not in voted}
    assert len(set(result)) == len(result)
    if not decision.missing_roles:
        return
    pool = {p: a.roles for p, a in eligible.items() if p != requester}
    roles = decision.rule.roles
    yes = list(decision.yes)

    def helps(person):
        missing = reference_missing(roles, [*yes, person], pool)
        return len(missing) < len(decision.missing_roles)

    flags = [helps(p) for p in result]
    assert flags == sorted(flags, reverse=True)  # helpful people first
    for person, flag in zip(result, flags, strict=True):
        if pool[person] & set(decision.missing_roles):
            assert flag  # whoever holds a missing role is among the first


@FAST
@given(
    st.lists(st.sampled_from(ROLES[:4]), max_size=4),
    st.dictionaries(
        st.sampled_from(IDS), st.frozensets(st.sampled_from(ROLES[:4]), max_size=3), max_size=6
    ),
)
def test_uncovered_roles_matches_brute_force(roles, candidates):
    people = sorted(candidates, key=str)
    missing = uncovered_roles(roles, candidates)
    assert missing == reference_missing(roles, people, candidates)
    assert (missing == ()) == coverable(roles, people, candidates)
    assert uncovered_roles(roles, dict(reversed(list(candidates.items())))) == missing
