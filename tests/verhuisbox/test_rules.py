"""The VerhuisboxPlus step rules (no database): each refusal, with hypothesis for the dates and
amounts."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.verhuisbox import rules as r
from doorbraak.verhuisbox.figures import HOUSED, NOT_STARTED, REGISTERED, STARTED, STOPPED

TODAY = datetime.date(2030, 5, 31)
REG = datetime.date(2030, 3, 1)


def _registration(**kw):
    args = dict(
        no_heavy_addiction=True,
        no_large_debts=True,
        landlord_statement=True,
        registered_on=REG,
        today=TODAY,
        already_open=False,
    )
    args.update(kw)
    return r.check_registration(**args)


def test_registration_is_refused_for_each_failing_criterion():
    assert _registration() == []
    assert _registration(no_heavy_addiction=False) == [
        ("no_heavy_addiction", "criterion_addiction")
    ]
    assert _registration(no_large_debts=False) == [("no_large_debts", "criterion_debts")]
    assert _registration(landlord_statement=False) == [
        ("landlord_statement", "criterion_statement")
    ]
    assert _registration(already_open=True) == [("__all__", "already_open")]
    assert _registration(registered_on=None) == [("registered_on", "registered_on_missing")]
    assert _registration(registered_on=TODAY + datetime.timedelta(days=1)) == [
        ("registered_on", "date_future")
    ]


def test_the_advice_conversation_must_record_that_moving_is_voluntary():
    args = dict(
        status=REGISTERED,
        advice_on=REG,
        registered_on=REG,
        goals="Een eigen huis",
        regions="Zeeland",
        voluntary_discussed=True,
        today=TODAY,
    )
    assert r.check_advice(**args) == []
    assert r.check_advice(**{**args, "voluntary_discussed": False}) == [
        ("voluntary_discussed", "voluntary_missing")
    ]
    assert ("goals", "goals_missing") in r.check_advice(**{**args, "goals": "  "})
    assert r.check_advice(**{**args, "status": STARTED}) == [("__all__", "advice_done")]


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-1000, max_value=1000)
)
def test_a_site_fee_is_never_negative_and_in_whole_cents(fee):
    problems = r.check_site(
        status=STARTED,
        name="Woonnet",
        fee=fee,
        registered_on=REG,
        trajectory_registered_on=REG,
        today=TODAY,
        duplicate=False,
    )
    if fee < 0:
        assert problems == [("fee", "amount_negative")]
    elif fee != fee.quantize(Decimal("0.01")):
        assert problems == [("fee", "amount_cents")]
    else:
        assert problems == []


def test_a_cost_needs_a_positive_amount_and_a_supplier():
    args = dict(
        status=STARTED,
        kind=r.COST_TRAIN,
        amount=Decimal("12.50"),
        supplier="NS",
        paid_on=REG,
        trajectory_registered_on=REG,
        today=TODAY,
    )
    assert r.check_cost(**args) == []
    assert r.check_cost(**{**args, "amount": Decimal("-1")}) == [("amount", "amount_negative")]
    assert r.check_cost(**{**args, "amount": Decimal("0")}) == [("amount", "amount_zero")]
    assert r.check_cost(**{**args, "supplier": ""}) == [("supplier", "supplier_missing")]
    assert r.check_cost(**{**args, "status": REGISTERED}) == [("__all__", "no_costs_now")]
    assert r.check_cost(**{**args, "paid_on": REG - datetime.timedelta(days=1)}) == [
        ("paid_on", "before_registration")
    ]


@given(st.dates(datetime.date(2029, 1, 1), datetime.date(2031, 1, 1)))
def test_housed_date_between_registration_and_today(day):
    problems = r.check_housed(status=STARTED, housed_on=day, registered_on=REG, today=TODAY)
    if day > TODAY:
        assert problems == [("housed_on", "date_future")]
    elif day < REG:
        assert problems == [("housed_on", "housed_before_registration")]
    else:
        assert problems == []


def test_stop_needs_a_reason_and_explains_another_one():
    args = dict(status=STARTED, reason=r.REASON_DEBTS, note="", ended_on=REG, registered_on=REG)
    assert r.check_stop(**args, today=TODAY) == []
    assert r.check_stop(**{**args, "reason": ""}, today=TODAY) == [("reason", "reason_missing")]
    assert r.check_stop(**{**args, "reason": r.REASON_OTHER}, today=TODAY) == [
        ("note", "note_missing")
    ]
    assert r.check_stop(**{**args, "status": HOUSED}, today=TODAY) == [("__all__", "already_ended")]
    assert r.stop_status(REGISTERED) == NOT_STARTED
    assert r.stop_status(STARTED) == STOPPED


def test_handover_names_who_what_and_whose_consent():
    args = dict(
        status=HOUSED,
        municipality="Gemeente Sluis",
        contact_person="M. de Wit",
        shared="Behoefte aan maatschappelijk werk",
        consent_by="De bewoner",
        handover_on=TODAY,
        registered_on=REG,
        today=TODAY,
    )
    assert r.check_handover(**args) == []
    assert r.check_handover(**{**args, "consent_by": ""}) == [("consent_by", "consent_by_missing")]
    assert r.check_handover(**{**args, "status": REGISTERED}) == [("__all__", "no_handover_now")]


def test_bijstand_once_and_not_in_the_past():
    assert r.check_bijstand(status=HOUSED, already=False, due_date=TODAY, today=TODAY) == []
    assert r.check_bijstand(status=HOUSED, already=True, due_date=TODAY, today=TODAY) == [
        ("__all__", "bijstand_already")
    ]
    assert r.check_bijstand(
        status=STARTED, already=False, due_date=TODAY - datetime.timedelta(days=1), today=TODAY
    ) == [("due_date", "due_date_past")]


def test_next_step():
    assert r.next_step(REGISTERED, site_count=0, has_handover=False) == "advice"
    assert r.next_step(STARTED, site_count=0, has_handover=False) == "sites"
    assert r.next_step(STARTED, site_count=2, has_handover=False) == "search"
    assert r.next_step(HOUSED, site_count=2, has_handover=False) == "handover"
    assert r.next_step(HOUSED, site_count=2, has_handover=True) is None
    assert r.next_step(STOPPED, site_count=0, has_handover=False) is None
