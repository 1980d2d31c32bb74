"""Werktafel and structural solution writes: what they store, who may, and bad input that
gets a Dutch message and changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.learning import services as learning
from doorbraak.worktables import rules, services
from doorbraak.worktables.models import (
    Outcome,
    Participant,
    Session,
    SolutionCase,
    StructuralSolution,
    WorkTable,
)
from tests.factories import UserFactory
from tests.worktables.conftest import NAMES

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def _messages(error) -> dict[str, list[str]]:
    return error.value.message_dict


def test_start_plans_three_sessions_two_weeks_apart_with_its_participants(worktable, toeslagen):
    sessions = list(worktable.sessions.all())
    assert [s.number for s in sessions] == [1, 2, 3]
    assert [s.date for s in sessions] == rules.default_session_dates(TODAY + 14 * DAY)
    assert not any(s.held for s in sessions)
    assert [str(p) for p in worktable.participants.all()] == [
        str(toeslagen),
        "Klantcontactcentrum (gemeente)",
    ]
    assert worktable.status == rules.RUNNING and worktable.reference.startswith("WT-")


@pytest.mark.parametrize(
    ("values", "field", "text"),
    [
        ({"title": "  "}, "title", "Geef een titel."),
        ({"session_dates": [TODAY, None, TODAY]}, "session2", "Geef de datum van de sessie."),
        ({"session_dates": []}, "sessions", "Plan ten minste één sessie."),
        (
            {"organisations": [], "departments": ["  "]},
            "organisations",
            "Kies ten minste één organisatie of schrijf een afdeling op die meedoet.",
        ),
        ({"pattern": None}, "pattern", "Kies het patroon waar de werktafel over gaat."),
    ],
)
def test_bad_werktafel_input_is_refused_in_dutch_and_nothing_is_saved(
    adviser, pattern, toeslagen, values, field, text
):
    data = {
        "pattern": pattern,
        "title": "Werktafel",
        "organisations": [toeslagen],
        "session_dates": [TODAY],
        **values,
    }
    with pytest.raises(ValidationError) as error:
        services.worktable_start(actor=adviser, **data)
    assert text in _messages(error)[field]
    assert not WorkTable.objects.exists() and not Session.objects.exists()
    assert not Participant.objects.exists()


def test_no_werktafel_on_a_dismissed_pattern(adviser, pattern, toeslagen):
    learning.pattern_decide(actor=adviser, pattern=pattern, status="afgewezen", note="Toeval.")
    pattern.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.worktable_start(
            actor=adviser, pattern=pattern, title="W", organisations=[toeslagen]
        )
    assert "pattern" in _messages(error)
    assert not WorkTable.objects.exists()


@pytest.mark.parametrize(
    "role", [Role.GEZINSWERKER, Role.TEAMLEIDER, Role.REGIEVOERDER, Role.BEHEERDER]
)
def test_only_a_policy_adviser_writes(role, pattern, toeslagen, worktable):
    other = UserFactory(role=role)
    with pytest.raises(PermissionDenied):
        services.worktable_start(actor=other, pattern=pattern, title="W", organisations=[toeslagen])
    with pytest.raises(PermissionDenied):
        services.outcome_add(actor=other, worktable=worktable, text="Iets")
    with pytest.raises(PermissionDenied):
        services.solution_record(
            actor=other, worktable=worktable, title="T", kind="regelwijziging", owner_text="X",
            proposed_on=TODAY,
        )  # fmt: skip
    assert WorkTable.objects.count() == 1 and not StructuralSolution.objects.exists()


def test_a_session_is_held_with_notes_and_the_residents_perspective_without_names(
    adviser, worktable
):
    session = worktable.sessions.first()
    services.session_update(
        actor=adviser,
        session=session,
        date=TODAY - DAY,
        held=True,
        perspective="Meneer Oyelaran krijgt maanden te weinig huurtoeslag.",
        notes="Dienst Toeslagen en het Klantcontactcentrum kennen elkaars werk niet.",
    )
    session.refresh_from_db()
    assert session.held and session.date == TODAY - DAY
    assert "Oyelaran" not in session.perspective
    assert "huurtoeslag" in session.perspective and "Klantcontactcentrum" in session.notes
    assert session.updated_by == adviser


def test_bad_session_input_changes_nothing(adviser, worktable):
    session = worktable.sessions.first()
    before = (session.date, session.held, session.notes)
    with pytest.raises(ValidationError) as error:
        services.session_update(actor=adviser, session=session, date=None, notes="x")
    assert _messages(error)["date"] == ["Geef de datum van de sessie."]
    with pytest.raises(ValidationError) as error:
        services.session_update(actor=adviser, session=session, date=TODAY + DAY, held=True)
    assert _messages(error)["held"] == ["Een sessie in de toekomst kan nog niet gehouden zijn."]
    session.refresh_from_db()
    assert (session.date, session.held, session.notes) == before


def test_sessions_and_outcomes_are_added_until_the_werktafel_is_finished(adviser, worktable):
    services.session_add(actor=adviser, worktable=worktable, date=TODAY + 60 * DAY)
    assert worktable.sessions.count() == 4
    with pytest.raises(ValidationError):
        services.outcome_add(actor=adviser, worktable=worktable, text="   ")
    services.outcome_add(actor=adviser, worktable=worktable, text="Een vinkje voor Toeslagen.")
    services.worktable_finish(actor=adviser, worktable=worktable)
    with pytest.raises(ValidationError) as error:
        services.outcome_add(actor=adviser, worktable=worktable, text="Te laat.")
    assert "Deze werktafel is afgerond." in _messages(error)["__all__"]
    assert Outcome.objects.count() == 1 and worktable.sessions.count() == 4


def test_a_solution_is_linked_to_the_cases_of_the_patterns_blockers(solution, pattern):
    cases = set(SolutionCase.objects.filter(solution=solution).values_list("case_id", flat=True))
    expected = set(pattern.blocker_links.values_list("blocker__case_id", flat=True))
    assert cases == expected and len(cases) == 3
    assert solution.status == rules.PROPOSED and solution.proposed_on == TODAY - 30 * DAY


def test_a_solution_goes_one_step_at_a_time_with_the_date_of_each(adviser, solution):
    agreed, implemented = TODAY - 20 * DAY, TODAY - 10 * DAY
    with pytest.raises(ValidationError) as error:  # skipping "agreed"
        services.solution_step(
            actor=adviser, solution=solution, status=rules.IMPLEMENTED, on=implemented
        )
    assert "stap voor stap" in _messages(error)["status"][0]
    services.solution_step(actor=adviser, solution=solution, status=rules.AGREED, on=agreed)
    with pytest.raises(ValidationError) as error:  # back
        services.solution_step(actor=adviser, solution=solution, status=rules.PROPOSED, on=TODAY)
    assert "niet terug" in _messages(error)["status"][0]
    with pytest.raises(ValidationError) as error:  # before the step before
        services.solution_step(
            actor=adviser, solution=solution, status=rules.IMPLEMENTED, on=agreed - DAY
        )
    assert "on" in _messages(error)
    services.solution_step(
        actor=adviser, solution=solution, status=rules.IMPLEMENTED, on=implemented
    )
    with pytest.raises(ValidationError) as error:
        services.solution_step(actor=adviser, solution=solution, status=rules.EVALUATED, on=TODAY)
    assert _messages(error)["evaluation"] == ["Schrijf op wat er uit de evaluatie kwam."]
    solution.refresh_from_db()
    assert solution.status == rules.IMPLEMENTED
    assert (solution.agreed_on, solution.implemented_on, solution.evaluated_on) == (
        agreed,
        implemented,
        None,
    )
    services.solution_step(
        actor=adviser,
        solution=solution,
        status=rules.EVALUATED,
        on=TODAY,
        evaluation="Minder casussen van de Vlasblom-soort aan tafel.",
    )
    solution.refresh_from_db()
    assert solution.status == rules.EVALUATED and "Vlasblom" not in solution.evaluation


def test_bad_solution_input_changes_nothing(adviser, worktable):
    with pytest.raises(ValidationError) as error:
        services.solution_record(
            actor=adviser, worktable=worktable, title="", kind="", proposed_on=None
        )
    assert set(_messages(error)) == {"title", "kind", "owner", "proposed_on"}
    assert not StructuralSolution.objects.exists() and not SolutionCase.objects.exists()


def test_a_national_signal_is_recorded_as_sent_once_after_it_is_agreed(adviser, worktable):
    signal = services.solution_record(
        actor=adviser,
        worktable=worktable,
        title="Adressignaal voor alle gemeenten",
        kind=rules.NATIONAL_SIGNAL,
        owner_text="Beleidsteam",
        proposed_on=TODAY,
    )
    with pytest.raises(ValidationError) as error:
        services.signal_send(actor=adviser, solution=signal, sent_on=TODAY)
    assert "afgesproken" in _messages(error)["__all__"][0]
    services.solution_step(actor=adviser, solution=signal, status=rules.AGREED, on=TODAY)
    services.signal_send(actor=adviser, solution=signal, sent_on=TODAY)
    signal.refresh_from_db()
    assert (signal.sent_on, signal.sent_to, signal.sent_by) == (
        TODAY,
        services.MAATWERKLOKET,
        adviser,
    )
    with pytest.raises(ValidationError) as error:
        services.signal_send(actor=adviser, solution=signal, sent_on=TODAY, recipient="X")
    assert _messages(error)["__all__"] == ["Dit signaal is al doorgestuurd."]
    signal.refresh_from_db()
    assert signal.sent_to == services.MAATWERKLOKET


def test_other_kinds_are_not_sent_on(adviser, solution):
    services.solution_step(actor=adviser, solution=solution, status=rules.AGREED, on=TODAY)
    with pytest.raises(ValidationError):
        services.signal_send(actor=adviser, solution=solution, sent_on=TODAY)
    solution.refresh_from_db()
    assert solution.sent_on is None


def test_names_of_the_patterns_households_are_taken_out(adviser, worktable):
    text = " en ".join(n["given_name"] + " " + n["family_name"] for n in NAMES)
    outcome = services.outcome_add(actor=adviser, worktable=worktable, text=f"Gesproken: {text}.")
    for names in NAMES:
        assert names["family_name"] not in outcome.text
