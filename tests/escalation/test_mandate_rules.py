"""Using a mandate: the pure rules (no database). Exhaustive over the period edges and the
scope, and properties with hypothesis."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.escalation import mandate_rules as r

DAY = datetime.date(2030, 6, 15)
MANDATE = r.MandateFacts(
    holder_id=7,
    organisation_id=3,
    valid_from=datetime.date(2030, 1, 1),
    valid_until=datetime.date(2030, 12, 31),
    max_amount=Decimal("5000.00"),
)


def draft(**changes) -> r.UseDraft:
    values = {
        "actor_id": 7,
        "day": DAY,
        "overruled_organisation_id": 3,
        "overruled_rule": "Geen opvang bij verwijtbaar gedrag",
        "earlier_refusal": "Toegang van de vader afgewezen op 1 juni",
        "decision": "De vader mag bij het gezin in de opvang wonen",
        "reasons": "Het gezin blijft bij elkaar; er is geen veroordeling",
        "amount": None,
    }
    values.update(changes)
    return r.UseDraft(**values)


def codes(problems):
    return [code for _, code in problems]


def test_a_use_within_scope_and_period_passes():
    assert r.check_use(MANDATE, draft()) == []
    assert r.check_use(MANDATE, draft(amount=Decimal("5000.00"))) == []
    assert r.check_use(MANDATE, draft(amount=Decimal("0"))) == []


def test_the_period_edges_are_inclusive():
    assert r.check_use(MANDATE, draft(day=MANDATE.valid_from)) == []
    assert r.check_use(MANDATE, draft(day=MANDATE.valid_until)) == []
    before = MANDATE.valid_from - datetime.timedelta(days=1)
    after = MANDATE.valid_until + datetime.timedelta(days=1)
    assert codes(r.check_use(MANDATE, draft(day=before))) == ["mandate_not_yet_valid"]
    assert codes(r.check_use(MANDATE, draft(day=after))) == ["mandate_expired"]


def test_an_open_ended_mandate_never_expires():
    open_ended = r.MandateFacts(7, 3, datetime.date(2030, 1, 1), None, None)
    assert r.check_use(open_ended, draft(day=datetime.date(2099, 1, 1))) == []


def test_outside_scope_is_refused():
    assert r.check_use(MANDATE, draft(actor_id=8)) == [("mandate", "not_mandate_holder")]
    assert r.check_use(MANDATE, draft(overruled_organisation_id=4)) == [
        ("overruled_organisation", "outside_mandate_organisation")
    ]
    assert r.check_use(MANDATE, draft(overruled_organisation_id=None)) == [
        ("overruled_organisation", "overruled_missing")
    ]
    assert r.check_use(MANDATE, draft(amount=Decimal("5000.01"))) == [("amount", "above_mandate")]
    no_money = r.MandateFacts(7, 3, datetime.date(2030, 1, 1), None, None)
    assert r.check_use(no_money, draft(amount=Decimal("1"))) == [("amount", "mandate_no_money")]
    assert r.check_use(no_money, draft(amount=Decimal("0"))) == []


def test_bad_amounts_and_empty_texts_are_named_per_field():
    assert codes(r.check_use(MANDATE, draft(amount=Decimal("-1")))) == ["negative_amount"]
    assert codes(r.check_use(MANDATE, draft(amount=Decimal("NaN")))) == ["negative_amount"]
    assert codes(r.check_use(MANDATE, draft(amount=12.5))) == ["float_amount"]
    empty = draft(overruled_rule=" ", earlier_refusal="", decision="\n", reasons="")
    assert r.check_use(MANDATE, empty) == [
        ("overruled_rule", "overruled_rule_missing"),
        ("earlier_refusal", "earlier_refusal_missing"),
        ("decision", "mandate_decision_missing"),
        ("reasons", "mandate_reasons_missing"),
    ]
    assert codes(r.check_use(MANDATE, draft(case_open=False))) == ["case_closed"]


def test_someone_else_hears_only_that_it_is_not_theirs():
    """A non-holder is not told whether the mandate is valid: it is not theirs to use."""
    late = draft(actor_id=9, day=datetime.date(2031, 1, 1))
    assert codes(r.check_use(MANDATE, late)) == ["not_mandate_holder"]


def test_the_reconciliation_talk_is_two_weeks_later_by_default():
    assert r.reconciliation_due(DAY) == datetime.date(2030, 6, 29)
    assert r.reconciliation_due(DAY, 1) == datetime.date(2030, 6, 16)


days = st.dates(min_value=datetime.date(2029, 1, 1), max_value=datetime.date(2032, 1, 1))
amounts = st.decimals(min_value=Decimal("0"), max_value=Decimal("20000"), places=2, allow_nan=False)


@given(day=days, amount=amounts, actor=st.integers(1, 10), org=st.integers(1, 5))
def test_a_use_passes_exactly_when_holder_period_organisation_and_amount_fit(
    day, amount, actor, org
):
    problems = r.check_use(
        MANDATE, draft(day=day, amount=amount, actor_id=actor, overruled_organisation_id=org)
    )
    fits = (
        actor == MANDATE.holder_id
        and MANDATE.valid_from <= day <= MANDATE.valid_until
        and org == MANDATE.organisation_id
        and amount <= MANDATE.max_amount
    )
    assert (problems == []) == fits
    assert all(field in {"mandate", "overruled_organisation", "amount"} for field, _ in problems)


@given(day=days)
def test_validity_agrees_with_the_period(day):
    inside = MANDATE.valid_from <= day <= MANDATE.valid_until
    assert (r.validity(MANDATE, day) is None) == inside
