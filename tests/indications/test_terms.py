"""The Wmo terms (pure rules): six weeks from the melding (art. 2.3.2), two weeks from the
aanvraag (art. 2.3.5), across month ends and leap years, extended past weekends and holidays
(Algemene termijnenwet); and the agreement rate's counting."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.indications import terms

D = datetime.date
dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))


def test_the_examples_across_month_ends_and_leap_years():
    # 18 January 2028 (a Tuesday) + 6 weeks: over 31 January into the leap day.
    assert terms.investigation_due(D(2028, 1, 18)) == D(2028, 2, 29)
    assert terms.investigation_due(D(2027, 1, 18)) == D(2027, 3, 1)  # no leap day: 1 March
    assert terms.plain_end(D(2024, 2, 15), 2) == D(2024, 2, 29)
    assert terms.decision_due(D(2024, 2, 15)) == D(2024, 2, 29)  # a Thursday
    assert terms.decision_due(D(2027, 12, 20)) == D(2028, 1, 3)  # over the year end
    assert terms.investigation_due(D(2100, 1, 18)) == D(2100, 3, 1)  # 2100 is no leap year


def test_weekends_and_holidays_extend_the_term():
    # Received on a Saturday: six weeks later is a Saturday, extended to Monday.
    # Saturday 14 November 2026 + 6 weeks = Saturday 26 December (2nd Christmas day) → Monday.
    assert terms.investigation_due(D(2026, 11, 14)) == D(2026, 12, 28)
    # 12 December 2026 + 2 weeks = Saturday 26 December (2nd Christmas day) → Monday 28th.
    assert terms.decision_due(D(2026, 12, 12)) == D(2026, 12, 28)
    # Easter Monday 2028 is 17 April; Ascension 25 May; Whit Monday 5 June.
    assert terms.easter(2028) == D(2028, 4, 16)
    assert terms.decision_due(D(2028, 4, 3)) == D(2028, 4, 18)
    assert terms.decision_due(D(2028, 5, 11)) == D(2028, 5, 26)
    # King's Day on a Sunday (2025) is celebrated on Saturday 26 April.
    assert D(2025, 4, 26) in terms.holidays(2025)
    assert D(2025, 4, 27) not in terms.holidays(2025)
    assert D(2026, 5, 5) in terms.holidays(2026)  # Bevrijdingsdag (Atw art. 3)


@given(dates)
def test_the_plain_term_is_exactly_six_and_two_weeks(received):
    assert (terms.plain_end(received, 6) - received).days == 42
    assert terms.plain_end(received, 6).weekday() == received.weekday()
    assert (terms.plain_end(received, 2) - received).days == 14


@given(dates, st.sampled_from([terms.INVESTIGATION_WEEKS, terms.DECISION_WEEKS]))
def test_the_due_day_is_the_first_working_day_on_or_after_the_plain_end(received, weeks):
    end = terms.plain_end(received, weeks)
    due = terms.due(received, weeks)
    assert due >= end
    assert not terms.is_day_off(due)
    assert (due - end).days <= 4  # at most a long weekend with holidays
    day = end
    while day < due:
        assert terms.is_day_off(day)
        day += datetime.timedelta(days=1)


@given(dates, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=60))
def test_overdue_exactly_after_the_last_day_while_open(reported, days, applied_after):
    applied = reported + datetime.timedelta(days=applied_after)
    today = reported + datetime.timedelta(days=days)
    t = terms.terms(reported_on=reported, applied_on=applied, decided_on=None, today=today)
    assert t.investigation_overdue == (today > terms.investigation_due(reported))
    assert t.decision_overdue == (today > terms.decision_due(applied))
    assert not t.late
    done = terms.terms(reported_on=reported, applied_on=applied, decided_on=today, today=today)
    assert not done.overdue
    assert done.investigation_late == (today > terms.investigation_due(reported))


def test_no_decision_term_without_an_application():
    t = terms.terms(
        reported_on=D(2026, 1, 5), applied_on=None, decided_on=None, today=D(2026, 12, 1)
    )
    assert t.decision_due is None and not t.decision_overdue and t.investigation_overdue


def test_questioned_counts_as_reviewed_and_not_agreed():
    assert terms.counts_as_agreed(terms.AGREED, questioned=False)
    assert not terms.counts_as_agreed(terms.AGREED, questioned=True)
    assert not terms.counts_as_agreed(terms.ADJUSTED, questioned=False)
    assert terms.counts_as_reviewed("vraag", questioned=True)
    assert not terms.counts_as_reviewed("ingediend", questioned=False)
    assert terms.agreement_rate(12, 13) == 12 / 13
    assert terms.agreement_rate(0, 0) is None


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500))
def test_the_rate_is_a_share(agreed, reviewed):
    agreed = min(agreed, reviewed)
    assert 0 <= terms.agreement_rate(agreed, reviewed) <= 1
