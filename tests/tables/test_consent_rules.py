"""Property tests of the pure consent rules (tables/consent.py). No database.

When does a table see a household's identity? Only under a consent that is not withdrawn
and covers both the meeting date and today. Which consent may be recorded? One with a
member, a known scope and a period that ends, not in the past, at most MAX_DAYS long.
Each property is checked against a plain reference written from those sentences."""

import ast
import datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.tables import consent
from doorbraak.tables.consent import (
    IDENTITY,
    IDENTITY_AND_TEXTS,
    MAX_DAYS,
    SCOPES,
    ConsentDraft,
    Period,
    check_consent,
    shows_identity,
)

BASE = datetime.date(2026, 1, 1)
days = st.integers(min_value=-400, max_value=800).map(lambda n: BASE + datetime.timedelta(n))


ANY = st.booleans()


@st.composite
def periods(draw, withdrawn=ANY):
    start = draw(days)
    length = draw(st.integers(min_value=0, max_value=MAX_DAYS))
    return Period(start, start + datetime.timedelta(length), draw(withdrawn))


def reference(ps, meeting_date, today) -> bool:
    """Written from the rule's sentence, one period at a time."""
    for p in ps:
        if p.withdrawn:
            continue
        if p.valid_from <= meeting_date <= p.valid_until and p.valid_from <= today <= p.valid_until:
            return True
    return False


@given(st.lists(periods(), max_size=5), days, days)
def test_identity_shows_exactly_as_the_rule_says(ps, meeting_date, today):
    assert shows_identity(ps, meeting_date=meeting_date, today=today) == reference(
        ps, meeting_date, today
    )


@given(st.lists(periods(withdrawn=st.just(True)), max_size=5), days, days)
def test_withdrawn_consents_show_nothing_on_any_day(ps, meeting_date, today):
    assert not shows_identity(ps, meeting_date=meeting_date, today=today)


@given(periods(withdrawn=st.just(False)), days, st.integers(min_value=1, max_value=400))
def test_a_consent_shows_nothing_from_the_day_after_it_ends(p, meeting_date, later):
    today = p.valid_until + datetime.timedelta(later)
    assert not shows_identity([p], meeting_date=meeting_date, today=today)


@given(periods(withdrawn=st.just(False)), days, days)
def test_withdrawing_hides_at_once_whatever_the_dates(p, meeting_date, today):
    withdrawn = Period(p.valid_from, p.valid_until, withdrawn=True)
    assert not shows_identity([withdrawn], meeting_date=meeting_date, today=today)


@given(periods(withdrawn=st.just(False)), st.data())
def test_a_valid_consent_shows_on_every_day_it_covers(p, data):
    length = (p.valid_until - p.valid_from).days
    meeting_date = p.valid_from + datetime.timedelta(data.draw(st.integers(0, length)))
    today = p.valid_from + datetime.timedelta(data.draw(st.integers(0, length)))
    assert shows_identity([p], meeting_date=meeting_date, today=today)


@given(st.lists(periods(), max_size=5), periods(), days, days)
def test_another_consent_never_takes_identity_away(ps, extra, meeting_date, today):
    before = shows_identity(ps, meeting_date=meeting_date, today=today)
    after = shows_identity([*ps, extra], meeting_date=meeting_date, today=today)
    assert after or not before


@given(st.lists(periods(), max_size=5), st.randoms(), days, days)
def test_the_order_of_consents_does_not_matter(ps, random, meeting_date, today):
    shuffled = list(ps)
    random.shuffle(shuffled)
    assert shows_identity(ps, meeting_date=meeting_date, today=today) == shows_identity(
        shuffled, meeting_date=meeting_date, today=today
    )


@given(days, days)
def test_no_consent_shows_nothing(meeting_date, today):
    assert not shows_identity([], meeting_date=meeting_date, today=today)


# --- Recording a consent --------------------------------------------------------------------

drafts = st.builds(
    ConsentDraft,
    member_chosen=st.booleans(),
    scope=st.sampled_from([*SCOPES, "", "alles", IDENTITY.upper()]),
    valid_from=st.none() | days,
    valid_until=st.none() | days,
)


def acceptable(draft: ConsentDraft, today) -> bool:
    return (
        draft.member_chosen
        and draft.scope in (IDENTITY, IDENTITY_AND_TEXTS)
        and draft.valid_from is not None
        and draft.valid_until is not None
        and draft.valid_until >= today
        and draft.valid_from <= draft.valid_until
        and (draft.valid_until - draft.valid_from).days <= MAX_DAYS
    )


@given(drafts, days)
def test_a_consent_is_accepted_exactly_when_it_is_complete_and_ends(draft, today):
    assert (check_consent(draft, today) == []) == acceptable(draft, today)


@given(drafts, days)
def test_every_refusal_names_a_field_of_the_form(draft, today):
    problems = check_consent(draft, today)
    assert {field for field, _code in problems} <= {"member", "scope", "valid_from", "valid_until"}
    assert len({field for field, _code in problems}) == len(problems)  # one message per field


@given(drafts.filter(lambda d: d.valid_until is None), days)
def test_a_consent_without_an_end_date_is_always_refused(draft, today):
    assert ("valid_until", "until_missing") in check_consent(draft, today)


@given(drafts, days)
def test_an_accepted_consent_covers_today_or_a_day_to_come(draft, today):
    if not check_consent(draft, today):
        period = Period(draft.valid_from, draft.valid_until)
        last = draft.valid_until
        assert period.covers(last) and last >= today


def test_consent_module_is_pure_python():
    tree = ast.parse(Path(consent.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "dataclasses", "datetime"}
