"""The pure route rules and the workflow, exhaustively where it fits."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.escalation import rules, starter, workflow

ROUTE = rules.Route.from_dict(starter.default_snapshot())


def draft(**kwargs):
    values = dict(
        current=1,
        target=2,
        question="vraag",
        tried="geprobeerd",
        skip_reason="",
        item_closed=False,
        case_closed=False,
    )
    values.update(kwargs)
    return rules.EscalationDraft(**values)


def test_the_default_route_has_the_five_levels_in_order():
    assert [level.kind for level in ROUTE.levels] == list(rules.KINDS)
    assert ROUTE.level(1).max_amount == Decimal("500.00")
    assert ROUTE.level(5).max_amount is None  # the LET decides exceptions, not money
    assert rules.Route.from_dict(ROUTE.as_dict()) == ROUTE


@given(current=st.integers(1, 5), target=st.integers(-1, 7), skip=st.booleans())
def test_escalating_goes_up_and_a_skip_needs_a_reason(current, target, skip):
    problems = rules.check_escalation(
        ROUTE, draft(current=current, target=target, skip_reason="omdat" if skip else "")
    )
    codes = {code for _field, code in problems}
    if current == ROUTE.top:
        assert codes == {"top_reached"}
    elif not current < target <= ROUTE.top:
        assert codes == {"not_upward"}
    elif target > current + 1 and not skip:
        assert codes == {"skip_needs_reason"}
    else:
        assert problems == []


@given(
    question=st.sampled_from(["", "  ", "vraag"]),
    tried=st.sampled_from(["", "\n", "iets"]),
    closed=st.booleans(),
    case_closed=st.booleans(),
)
def test_question_tried_and_open_item_are_required(question, tried, closed, case_closed):
    problems = rules.check_escalation(
        ROUTE,
        draft(question=question, tried=tried, item_closed=closed, case_closed=case_closed),
    )
    codes = {code for _field, code in problems}
    assert ("question_missing" in codes) == (not question.strip())
    assert ("tried_missing" in codes) == (not tried.strip())
    assert ("item_closed" in codes) == closed
    assert ("case_closed" in codes) == case_closed


@given(amount=st.decimals(min_value=0, max_value=20000, places=2), position=st.integers(1, 5))
def test_a_level_decides_money_only_up_to_its_amount(amount, position):
    level = ROUTE.level(position)
    problems = rules.check_decision(
        level, rules.DecisionDraft(workflow.SOLVED, "redenen", amount=amount, fund_id=1)
    )
    codes = {code for _f, code in problems}
    if level.max_amount is None:
        assert ("no_money_at_level" in codes) == (amount > 0)
    else:
        assert ("above_level" in codes) == (amount > level.max_amount)


def test_a_decision_needs_reasons_a_fund_for_money_and_the_levels_lists():
    level = rules.Level(
        3,
        "Tafel",
        rules.TABLE,
        frozenset({"tafellid"}),
        30,
        Decimal("100.00"),
        frozenset({7}),
        frozenset({9}),
    )
    check = rules.check_decision
    assert check(level, rules.DecisionDraft(workflow.SOLVED, " ")) == [
        ("reasons", "reasons_missing")
    ]
    assert check(level, rules.DecisionDraft(workflow.SOLVED, "r", Decimal("50"))) == [
        ("fund", "fund_missing")
    ]
    assert check(level, rules.DecisionDraft(workflow.SOLVED, "r", Decimal("50"), 8)) == [
        ("fund", "fund_not_at_level")
    ]
    assert check(level, rules.DecisionDraft(workflow.SOLVED, "r", organisation_id=1)) == [
        ("organisation", "organisation_not_at_level")
    ]
    assert check(level, rules.DecisionDraft(workflow.SOLVED, "r", Decimal("50"), 7, 9)) == []
    assert check(level, rules.DecisionDraft(workflow.SOLVED, "r", 50.0, 7)) == [
        ("amount", "float_amount")
    ]


@given(st.sampled_from(workflow.STATUSES), st.sampled_from(workflow.STATUSES))
def test_only_an_open_escalation_changes_and_every_other_status_is_final(current, new):
    assert workflow.may_change(current, new) == (current == workflow.OPEN and new != workflow.OPEN)
    assert workflow.is_closed(current) == (current != workflow.OPEN)


def test_solved_in_the_voortraject_counts_as_solved():
    assert workflow.SOLVED_EARLY in workflow.SOLVED_OUTCOMES


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"levels": []}, "no_levels"),
        ({"target_days": 0}, "invalid_target_days"),
        ({"target_days": 1.5}, "invalid_target_days"),
        ({"roles": []}, "roles_missing"),
        ({"kind": "anders"}, "invalid_kind"),
        ({"max_amount": 500.5}, "float_amount"),
        ({"max_amount": "-1"}, "invalid_amount"),
        ({"max_amount": "1.001"}, "invalid_amount"),
        ({"position": 3}, "positions_not_consecutive"),
        ({"name": " "}, "name_missing"),
    ],
)
def test_an_invalid_route_is_refused(change, code):
    data = starter.default_snapshot()
    if "levels" in change:
        data["levels"] = change["levels"]
    else:
        data["levels"][0].update(change)
    with pytest.raises(rules.RouteError) as error:
        rules.Route.from_dict(data)
    assert error.value.code == code


@given(st.dates(), st.integers(-3, 3))
def test_due_dates_today_or_later(today, offset):
    try:
        due = today + datetime.timedelta(days=offset)
    except OverflowError:
        return
    assert rules.check_due(due, today) == (None if offset >= 0 else "due_in_past")
    assert rules.check_due(None, today) == "due_missing"
