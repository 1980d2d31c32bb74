"""The LET rules (no database): the states, each step's refusals, the check date and the
year figures, exhaustively and with hypothesis."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.let import rules as r

TODAY = datetime.date(2030, 5, 31)


def test_every_state_is_reachable_and_final_states_stay_final():
    assert {r.SOLVED_EARLY, r.NOT_SUITABLE, r.CHECKED} == r.FINAL
    reachable, todo = {r.SUBMITTED}, [r.SUBMITTED]
    while todo:
        for following in r.ALLOWED[todo.pop()]:
            if following not in reachable:
                reachable.add(following)
                todo.append(following)
    assert reachable == set(r.STATUSES)
    for final in r.FINAL:
        assert not any(r.may_change(final, s) for s in r.STATUSES)


@given(st.sampled_from(r.STATUSES), st.sampled_from(r.STATUSES))
def test_may_change_is_exactly_the_table(current, new):
    assert r.may_change(current, new) == (new in r.ALLOWED[current])


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert r.add_months(datetime.date(2030, 1, 15), 3) == datetime.date(2030, 4, 15)
    assert r.add_months(datetime.date(2030, 11, 30), 3) == datetime.date(2031, 2, 28)
    assert r.add_months(datetime.date(2031, 11, 30), 3) == datetime.date(2032, 2, 29)
    assert r.add_months(TODAY, 3) == datetime.date(2030, 8, 31)
    assert r.default_check_date(TODAY) == datetime.date(2030, 8, 31)


@given(
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 1, 1)),
    st.integers(0, 36),
)
def test_add_months_moves_whole_months(day, months):
    later = r.add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day and later >= day


def test_a_submission_needs_the_let_level_and_its_texts():
    good = r.SubmissionDraft(True, True, False, "Samenvatting", "Vraag", 1)
    assert r.check_submission(good) == []
    bad = r.SubmissionDraft(False, True, False, " ", "", 0)
    assert r.check_submission(bad) == [
        ("__all__", "not_at_let"),
        ("summary", "summary_missing"),
        ("question", "question_missing"),
        ("organisations", "organisations_missing"),
    ]
    closed = r.SubmissionDraft(True, False, False, "s", "q", 1)
    assert r.check_submission(closed) == [("__all__", "not_at_let")]
    twice = r.SubmissionDraft(True, True, True, "s", "q", 1)
    assert r.check_submission(twice) == [("__all__", "already_submitted")]


def test_triage_needs_a_haakje_or_a_reason():
    assert r.check_triage(r.SUBMITTED, r.ACCEPTED, "") == []
    assert r.check_triage(r.SUBMITTED, r.SOLVED_EARLY, "") == [("note", "hook_missing")]
    assert r.check_triage(r.SUBMITTED, r.SOLVED_EARLY, "Kwijtschelding via de gemeente") == []
    assert r.check_triage(r.SUBMITTED, r.NOT_SUITABLE, " ") == [("note", "reason_missing")]
    assert r.check_triage(r.SUBMITTED, r.DECIDED, "x") == [("outcome", "outcome_invalid")]
    assert r.check_triage(r.ACCEPTED, r.ACCEPTED, "") == [("__all__", "already_triaged")]


def decision(**changes):
    values = {
        "status": r.ACCEPTED,
        "organisation_id": 4,
        "organisation_involved": True,
        "exception": "UWV ziet af van de terugvordering",
        "legal_ground": r.HARDSHIP,
        "legal_ground_detail": "",
        "reasons": "De schuld ontstond door de wachttijd",
        "check_on": TODAY + datetime.timedelta(days=90),
        "today": TODAY,
    }
    values.update(changes)
    return r.DecisionDraft(**values)


def test_a_let_decision_is_argued_documented_and_checked_later():
    assert r.check_decision(decision()) == []
    assert r.check_decision(decision(status=r.SUBMITTED)) == [("__all__", "not_accepted")]
    assert r.check_decision(decision(organisation_id=None)) == [
        ("organisation", "organisation_missing")
    ]
    assert r.check_decision(decision(organisation_involved=False)) == [
        ("organisation", "organisation_not_involved")
    ]
    assert r.check_decision(decision(legal_ground="")) == [("legal_ground", "legal_ground_missing")]
    assert r.check_decision(decision(legal_ground=r.OTHER_GROUND)) == [
        ("legal_ground_detail", "legal_ground_detail_missing")
    ]
    assert r.check_decision(decision(reasons="", exception="")) == [
        ("exception", "exception_missing"),
        ("reasons", "reasons_missing"),
    ]
    assert r.check_decision(decision(check_on=TODAY)) == [("check_on", "check_not_future")]
    assert r.check_decision(decision(check_on=None)) == [("check_on", "check_missing")]


def test_the_check_needs_a_decision_an_answer_and_an_ending():
    assert r.check_followup(r.DECIDED, True, "Terugvordering gestopt") == []
    assert r.check_followup(r.DECIDED, False, "Niet uitgevoerd; opnieuw aan tafel") == []
    assert r.check_followup(r.ACCEPTED, None, "") == [
        ("__all__", "not_decided"),
        ("carried_out", "carried_out_missing"),
        ("outcome", "ending_missing"),
    ]


def test_year_figures_count_the_voortraject_apart_from_the_let_success_rate():
    rows = [
        (r.SOLVED_EARLY, None),
        (r.SOLVED_EARLY, None),
        (r.NOT_SUITABLE, None),
        (r.SUBMITTED, None),
        (r.DECIDED, None),
        (r.CHECKED, True),
        (r.CHECKED, False),
    ]
    figures = r.year_figures(rows)
    assert (figures.submitted, figures.solved_early, figures.not_suitable) == (7, 2, 1)
    assert (figures.decided, figures.checked, figures.carried_out) == (3, 2, 1)
    assert figures.success_rate == 0.5
    assert r.year_figures([]).success_rate is None
    assert r.year_figures([(r.CHECKED, True)] * 5).success_rate == 1.0  # the seed's 5 of 5


@given(st.lists(st.tuples(st.sampled_from(r.STATUSES), st.sampled_from([None, True, False]))))
def test_year_figures_never_count_more_than_there_is(rows):
    f = r.year_figures(rows)
    assert f.carried_out <= f.checked <= f.decided <= f.submitted == len(rows)
    assert f.solved_early + f.not_suitable + f.decided <= f.submitted
    assert f.success_rate is None or 0 <= f.success_rate <= 1
