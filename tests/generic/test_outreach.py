"""The belteam's status rules (generic/outreach.py), exhaustively with hypothesis."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.generic import outreach

outcomes = st.sampled_from(outreach.OUTCOMES)
limits = st.integers(min_value=1, max_value=10)


def play(calls, max_attempts):
    status, attempts = outreach.TO_CALL, 0
    history = []
    for outcome in calls:
        if outreach.is_closed(status):
            with pytest.raises(outreach.RowClosed):
                outreach.after_attempt(status, attempts, outcome, max_attempts)
            continue
        status, attempts = outreach.after_attempt(status, attempts, outcome, max_attempts)
        history.append((outcome, status, attempts))
    return status, attempts, history


@given(st.lists(outcomes, max_size=15), limits)
def test_a_row_closes_once_and_never_takes_more_attempts(calls, max_attempts):
    status, attempts, history = play(calls, max_attempts)
    assert status in outreach.STATUSES
    assert attempts == len(history) <= max_attempts
    closed = [i for i, (_, s, _) in enumerate(history) if outreach.is_closed(s)]
    assert closed in ([], [len(history) - 1])


@given(st.lists(outcomes, max_size=15), limits)
def test_the_status_follows_from_the_outcomes(calls, max_attempts):
    status, attempts, history = play(calls, max_attempts)
    if not history:
        assert status == outreach.TO_CALL
        return
    last = history[-1][0]
    if last == outreach.ANSWERED:
        assert status == outreach.REACHED
    elif last == outreach.REFUSED:
        assert status == outreach.DECLINED
    elif attempts >= max_attempts:
        assert status == outreach.NOT_REACHED
    else:
        assert status == outreach.TO_CALL
    # not reached only after exactly N attempts without an answer
    if status == outreach.NOT_REACHED:
        assert [h[0] for h in history] == [outreach.NO_ANSWER] * max_attempts


@given(limits)
def test_three_times_no_answer_is_not_reached_at_the_default(max_attempts):
    status, attempts = outreach.TO_CALL, 0
    for _ in range(max_attempts - 1):
        status, attempts = outreach.after_attempt(
            status, attempts, outreach.NO_ANSWER, max_attempts
        )
        assert status == outreach.TO_CALL
    status, _ = outreach.after_attempt(status, attempts, outreach.NO_ANSWER, max_attempts)
    assert status == outreach.NOT_REACHED


@given(st.text(max_size=12).filter(lambda t: t not in outreach.OUTCOMES))
def test_an_unknown_outcome_is_refused(outcome):
    with pytest.raises(outreach.UnknownOutcome):
        outreach.after_attempt(outreach.TO_CALL, 0, outcome, 3)


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError):
        outreach.after_attempt("bestaat-niet", 0, outreach.ANSWERED, 3)


@given(st.dictionaries(st.sampled_from([*outreach.STATUSES, "onbekend"]), st.integers(0, 10**6)))
def test_progress_figures_add_up(counts):
    progress = outreach.progress(counts)
    known = sum(n for status, n in counts.items() if status in outreach.STATUSES)
    assert progress.total == known
    assert progress.to_call + progress.done == progress.total
    assert 0 <= progress.share_reached <= 100
    assert 0 <= progress.share_done <= 100
    if progress.total and progress.reached == progress.total:
        assert progress.share_reached == 100


def test_empty_progress():
    progress = outreach.progress({})
    assert (progress.total, progress.share_reached, progress.share_done) == (0, 0, 0)
