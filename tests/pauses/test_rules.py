"""The pause's dates and limits (pure rules): review within the pause, maximum length, month
ends and leap years."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.pauses import rules

dates = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31))
weeks = st.integers(min_value=1, max_value=rules.ABSOLUTE_MAX_WEEKS)


@given(dates, weeks)
def test_a_pause_covers_exactly_its_weeks(start, n):
    end = rules.last_day(start, n)
    assert (end - start).days + 1 == 7 * n
    assert end.weekday() == (start.weekday() - 1) % 7


@given(dates, weeks)
def test_the_default_review_lies_within_the_pause(start, n):
    review = rules.default_review(start, n)
    assert start <= review <= rules.last_day(start, n)
    draft = rules.Draft(start=start, weeks=n, review=review)
    assert rules.check(draft, today=start) == {}


@given(dates, weeks, st.integers(min_value=-400, max_value=400))
def test_a_review_outside_the_pause_is_refused(start, n, shift):
    review = start + datetime.timedelta(days=shift)
    found = rules.check(rules.Draft(start=start, weeks=n, review=review), today=start)
    inside = start <= review <= rules.last_day(start, n)
    if review < start:
        assert found["review_on"] == "review_past"
    else:
        assert ("review_on" in found) == (not inside)


@given(weeks, st.integers(min_value=1, max_value=52))
def test_approval_needed_exactly_above_the_maximum(n, maximum):
    assert rules.needs_approval(n, maximum) == (n > maximum)


def test_month_ends_and_leap_years():
    # 8 weeks from 31 January 2028 (leap year) runs over 29 February.
    assert rules.last_day(datetime.date(2028, 1, 31), 8) == datetime.date(2028, 3, 26)
    assert rules.last_day(datetime.date(2027, 1, 31), 8) == datetime.date(2027, 3, 27)
    assert rules.last_day(datetime.date(2026, 12, 31), 1) == datetime.date(2027, 1, 6)
    assert rules.default_review(datetime.date(2028, 2, 29), 1) == datetime.date(2028, 2, 29)


def test_missing_and_out_of_range_values():
    today = datetime.date(2026, 12, 1)
    found = rules.check(rules.Draft(start=None, weeks=None, review=None), today=today)
    assert found == {
        "starts_on": "start_missing",
        "weeks": "weeks_missing",
        "review_on": "review_missing",
    }
    found = rules.check(rules.Draft(start=today, weeks=53, review=today), today=today)
    assert found == {"weeks": "weeks_range"}
    early = today - datetime.timedelta(days=32)
    found = rules.check(rules.Draft(start=early, weeks=8, review=today), today=today)
    assert found == {"starts_on": "start_too_early"}
