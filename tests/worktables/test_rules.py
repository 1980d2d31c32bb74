"""The werktafel and structural solution rules (no database): one step at a time and never
back, the step dates, the send rule, and the before/after figures, with hypothesis."""

import ast
import datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.worktables import rules as r

TODAY = datetime.date(2030, 5, 20)
days = st.dates(min_value=datetime.date(2027, 1, 1), max_value=datetime.date(2033, 12, 31))


def test_the_module_is_pure_python():
    tree = ast.parse(Path(r.__file__).read_text())
    imported = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in imported if name.startswith("django")]


def test_the_statuses_form_one_line_that_ends():
    assert [r.next_status(s) for s in r.STATUSES] == [r.AGREED, r.IMPLEMENTED, r.EVALUATED, None]


@given(st.sampled_from(r.STATUSES), st.sampled_from(r.STATUSES))
def test_only_the_next_status_may_follow(current, new):
    allowed = r.STATUSES.index(new) == r.STATUSES.index(current) + 1
    assert r.may_follow(current, new) == allowed
    problems = r.check_step(r.StepDraft(current, new, TODAY, None, TODAY, "geëvalueerd"))
    if allowed:
        assert problems == []
    elif r.STATUSES.index(new) <= r.STATUSES.index(current):
        assert problems == [("status", "status_backwards")]
    else:
        assert problems == [("status", "status_skipped")]


@given(st.text(max_size=5))
def test_an_unknown_status_is_refused(new):
    if new not in r.STATUSES:
        draft = r.StepDraft(r.PROPOSED, new, TODAY, None, TODAY)
        assert r.check_step(draft) == [("status", "status_invalid")]


@given(days, days)
def test_a_step_date_is_not_in_the_future_nor_before_the_step_before(on, previous):
    problems = r.check_step(r.StepDraft(r.AGREED, r.IMPLEMENTED, on, previous, TODAY))
    if on > TODAY:
        assert problems == [("on", "step_date_future")]
    elif on < previous:
        assert problems == [("on", "step_date_before_previous")]
    else:
        assert problems == []


def test_a_step_needs_a_date_and_evaluating_needs_the_findings():
    assert r.check_step(r.StepDraft(r.PROPOSED, r.AGREED, None, None, TODAY)) == [
        ("on", "step_date_missing")
    ]
    assert r.check_step(r.StepDraft(r.IMPLEMENTED, r.EVALUATED, TODAY, TODAY, TODAY, " ")) == [
        ("evaluation", "evaluation_missing")
    ]


def test_a_solution_needs_a_title_a_kind_one_owner_and_a_date():
    def check(**kw):
        values = dict(
            title="Vinkje", kind=r.PARTNER_AGREEMENT, owner_chosen=True, owner_text="",
            proposed_on=TODAY, today=TODAY,
        )  # fmt: skip
        return [f for f, _ in r.check_solution(r.SolutionDraft(**{**values, **kw}))]

    assert check() == []
    assert check(title="  ") == ["title"]
    assert check(kind="anders") == ["kind"]
    assert check(owner_chosen=False) == ["owner"]
    assert check(owner_chosen=False, owner_text="KCC") == []
    assert check(owner_text="KCC") == ["owner_text"]
    assert check(proposed_on=None) == ["proposed_on"]
    assert check(proposed_on=TODAY + datetime.timedelta(days=1)) == ["proposed_on"]


def test_a_werktafel_needs_a_title_participants_and_every_session_date():
    assert r.check_worktable("Spook", [TODAY], 1) == []
    assert r.check_worktable("", [TODAY, None], 0) == [
        ("title", "title_missing"),
        ("session2", "session_date_missing"),
        ("organisations", "participants_missing"),
    ]
    assert r.check_worktable("Spook", [], 1) == [("sessions", "sessions_missing")]
    assert r.check_worktable("Spook", [TODAY], 41) == [("departments", "participants_too_many")]
    assert r.check_worktable("Spook", [TODAY] * 13, 1) == [("sessions", "sessions_too_many")]


def test_three_sessions_two_weeks_apart_by_default():
    assert r.default_session_dates(TODAY) == [
        TODAY,
        TODAY + datetime.timedelta(days=14),
        TODAY + datetime.timedelta(days=28),
    ]


@given(days, st.booleans())
def test_a_held_session_is_not_in_the_future(on, held):
    problems = r.check_session(on, held, TODAY)
    assert problems == ([("held", "held_in_future")] if held and on > TODAY else [])
    assert r.check_session(None, held, TODAY) == [("date", "session_date_missing")]


@given(
    st.sampled_from(r.KINDS), st.sampled_from(r.STATUSES), st.booleans(), days,
    st.sampled_from(["", "  ", "Maatwerkloket"]),
)  # fmt: skip
def test_only_an_agreed_national_signal_is_sent_and_only_once(kind, status, sent, on, to):
    problems = r.check_send(
        kind=kind, status=status, already_sent=sent, on=on, today=TODAY, recipient=to
    )
    if kind != r.NATIONAL_SIGNAL:
        assert problems == [("__all__", "not_a_national_signal")]
    elif sent:
        assert problems == [("__all__", "already_sent")]
    elif status == r.PROPOSED:
        assert problems == [("__all__", "send_before_agreed")]
    else:
        expected = []
        if on > TODAY:
            expected.append(("sent_on", "step_date_future"))
        if not to.strip():
            expected.append(("recipient", "recipient_missing"))
        assert problems == expected


# --- before and after ----------------------------------------------------------------------

items = st.lists(
    st.tuples(
        st.dates(min_value=datetime.date(2028, 1, 1), max_value=datetime.date(2030, 5, 31)),
        st.integers(min_value=1, max_value=30),
    ),
    max_size=60,
)


def _month(day):
    return f"{day.year:04d}-{day.month:02d}"


@given(items, st.dates(min_value=datetime.date(2028, 6, 1), max_value=TODAY))
def test_before_and_after_are_as_long_and_count_each_case_once(found, implemented):
    result = r.before_after(found, implemented, TODAY)
    assert len(result.before) == len(result.after) == result.months
    assert result.months <= r.COMPARE_MONTHS
    shown = [m for m, _ in result.before + result.after]
    assert result.implemented_month not in shown and _month(TODAY) not in shown
    assert shown == sorted(shown) and len(set(shown)) == len(shown)
    first = r.first_seen(found)
    for month, n in result.before + result.after:
        assert n == sum(1 for day in first.values() if _month(day) == month)
    assert result.before_total + result.after_total <= len(first)


def test_before_and_after_in_figures():
    implemented = datetime.date(2030, 1, 15)
    found = [
        (datetime.date(2029, 10, 3), 1),
        (datetime.date(2029, 11, 3), 2),
        (datetime.date(2029, 12, 3), 3),
        (datetime.date(2029, 12, 20), 4),
        (datetime.date(2030, 1, 20), 5),  # the month of implementation: neither
        (datetime.date(2030, 3, 1), 6),
        (datetime.date(2030, 3, 9), 1),  # case 1 again: counted in its first month only
        (datetime.date(2030, 5, 2), 7),  # this month: not over yet
    ]
    result = r.before_after(found, implemented, TODAY)
    assert result.before == (("2029-10", 1), ("2029-11", 1), ("2029-12", 2))
    assert result.after == (("2030-02", 0), ("2030-03", 1), ("2030-04", 0))
    assert (result.before_average, result.after_average) == (
        r.Decimal("1.3"),
        r.Decimal("0.3"),
    )
    assert result.change_percent == -75


def test_no_figures_before_a_whole_month_has_passed():
    result = r.before_after([(TODAY, 1)], datetime.date(2030, 4, 30), TODAY)
    assert result.months == 0 and result.before == () and result.after == ()
    assert result.before_average is None and result.change_percent is None


def test_at_most_a_year_is_compared():
    result = r.before_after([], datetime.date(2027, 1, 1), TODAY)
    assert result.months == 12 and result.after[-1][0] == "2028-01"
    assert result.before[0][0] == "2026-01" and result.change_percent is None
