"""Which cases a generic decision is about (generic/criteria.py): pure, with hypothesis."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.generic import criteria
from doorbraak.generic.criteria import BlockerFacts, Criteria

RULE = "Terugvordering voorschot bij afgewezen WIA-aanvraag"
START, END = datetime.date(2020, 1, 1), datetime.date(2022, 12, 31)
S12 = Criteria(organisation_id=1, rule=RULE, start=START, end=END)


def test_equal_or_containing_whatever_the_case():
    assert criteria.rule_matches(RULE, RULE)
    assert criteria.rule_matches(f"{RULE.upper()}: 6.000 euro", RULE)
    assert criteria.rule_matches("terugvordering VOORSCHOT bij afgewezen wia-aanvraag", RULE)
    assert criteria.rule_matches(
        "De terugvordering voorschot bij afgewezen WIA-aanvraag", f" {RULE} "
    )
    assert not criteria.rule_matches("Terugvordering van een voorschot in één keer", RULE)
    assert not criteria.rule_matches(RULE, "   ")


def test_the_period_includes_both_ends():
    day = datetime.date
    assert criteria.in_period(day(2020, 1, 1), START, END)
    assert criteria.in_period(day(2022, 12, 31), START, END)
    assert not criteria.in_period(day(2019, 12, 31), START, END)
    assert not criteria.in_period(day(2023, 1, 1), START, END)


def test_affected_cases_are_distinct_and_of_the_organisation_rule_and_period():
    blockers = [
        BlockerFacts(10, 1, RULE, datetime.date(2020, 5, 1)),
        BlockerFacts(10, 1, f"{RULE} (tweede knelpunt)", datetime.date(2021, 5, 1)),
        BlockerFacts(11, 2, RULE, datetime.date(2020, 5, 1)),  # another organisation
        BlockerFacts(12, 1, "Geen bijstand met terugwerkende kracht", datetime.date(2020, 5, 1)),
        BlockerFacts(13, 1, RULE, datetime.date(2023, 1, 1)),  # after the period
        BlockerFacts(14, 1, RULE.lower(), datetime.date(2022, 12, 31)),
    ]
    assert criteria.affected_cases(blockers, S12) == [10, 14]


dates = st.dates(datetime.date(2018, 1, 1), datetime.date(2025, 12, 31))


@given(st.lists(st.tuples(st.integers(1, 20), st.integers(1, 3), st.booleans(), dates)))
def test_affected_cases_property(rows):
    blockers = [
        BlockerFacts(case, org, f"x {RULE} y" if match else "iets anders", day)
        for case, org, match, day in rows
    ]
    found = criteria.affected_cases(blockers, S12)
    assert len(found) == len(set(found))
    expected = {
        case for case, org, match, day in rows if org == 1 and match and START <= day <= END
    }
    assert set(found) == expected


def test_problems_name_each_field():
    assert (
        criteria.problems(
            organisation_id=1, rule=RULE, start=START, end=END, max_amount=Decimal("11977")
        )
        == {}
    )
    found = criteria.problems(
        organisation_id=None, rule=" ", start=None, end=None, max_amount=Decimal("-1")
    )
    assert found == {
        "organisation": criteria.NO_ORGANISATION,
        "rule": criteria.NO_RULE,
        "period_start": criteria.NO_PERIOD,
        "period_end": criteria.NO_PERIOD,
        "max_amount": criteria.NEGATIVE_AMOUNT,
    }
    backwards = criteria.problems(
        organisation_id=1, rule=RULE, start=END, end=START, max_amount=None
    )
    assert backwards == {"period_end": criteria.END_BEFORE_START}
