"""The pause button: who may pause, the second person's approval above the maximum, the review
with its outcome and care path, and the follow-up actions in My actions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from doorbraak.accounts.roles import Role
from doorbraak.escalation.queries import open_actions
from doorbraak.pauses import queries, services
from doorbraak.pauses.models import Pause, PauseStatus
from tests.factories import UserFactory

TODAY = datetime.date(2026, 12, 1)


def _start(actor, case, municipality, weeks=8, review=None, **kwargs):
    return services.pause_start(
        actor=actor,
        case=case,
        organisation=municipality,
        measure=kwargs.pop("measure", "beeindiging"),
        benefit=kwargs.pop("benefit", "Bijstandsuitkering"),
        reason=kwargs.pop("reason", "Verschijnt niet op afspraken; oorzaak onbekend."),
        starts_on=kwargs.pop("starts_on", TODAY),
        weeks=weeks,
        review_on=review or TODAY + datetime.timedelta(weeks=weeks) - datetime.timedelta(days=8),
        today=TODAY,
    )


def test_a_pause_of_8_weeks_takes_effect_and_its_review_is_an_action(
    consultant, case, municipality
):
    pause = _start(consultant, case, municipality)
    assert pause.status == PauseStatus.ACTIVE
    assert pause.ends_on == datetime.date(2027, 1, 25)
    action = pause.review_action
    assert action.owner == consultant and action.due_date == pause.review_on
    assert action.case_id == case.pk
    assert list(open_actions(consultant)) == [action]
    assert pause.reference in action.description


@pytest.mark.parametrize("role", [Role.BUURTTEAMMEDEWERKER, Role.MANAGER_WI, Role.TEAMLEIDER])
def test_other_roles_cannot_pause(role, case, municipality, team_a):
    other = UserFactory(role=role, team=team_a, organisation=municipality)
    with pytest.raises(PermissionDenied):
        _start(other, case, municipality)
    assert not Pause.objects.exists()


def test_a_consultant_who_does_not_see_the_case_cannot_pause(colleague, case, municipality):
    with pytest.raises(PermissionDenied):
        _start(colleague, case, municipality)


def test_no_review_date_or_a_review_outside_is_refused(consultant, case, municipality):
    with pytest.raises(ValidationError) as error:
        services.pause_start(
            actor=consultant,
            case=case,
            organisation=municipality,
            measure="beeindiging",
            benefit="Bijstand",
            reason="Onderzoek",
            starts_on=TODAY,
            weeks=8,
            review_on=None,
            today=TODAY,
        )
    assert error.value.message_dict["review_on"] == ["Geef de datum van de herbeoordeling."]
    with pytest.raises(ValidationError) as error:
        _start(consultant, case, municipality, review=TODAY + datetime.timedelta(weeks=9))
    assert "review_on" in error.value.message_dict
    assert not Pause.objects.exists()


def test_empty_fields_are_refused_in_dutch(consultant, case, municipality):
    with pytest.raises(ValidationError) as error:
        _start(consultant, case, None, measure="x", benefit=" ", reason="")
    assert set(error.value.message_dict) == {"organisation", "measure", "benefit", "reason"}


@override_settings(DOORBRAAK_PAUSE_MAX_WEEKS=13)
def test_a_long_pause_waits_for_a_second_person(consultant, colleague, case, municipality):
    pause = _start(consultant, case, municipality, weeks=16)
    assert pause.status == PauseStatus.AWAITING_APPROVAL
    assert pause.review_action is None
    assert list(open_actions(consultant)) == []
    with pytest.raises(PermissionDenied):
        services.pause_approve(actor=consultant, pause=pause, approve=True)
    assert list(queries.awaiting_approval(colleague)) == [pause]
    assert list(queries.awaiting_approval(consultant)) == []
    pause = services.pause_approve(actor=colleague, pause=pause, approve=True)
    assert pause.status == PauseStatus.ACTIVE
    assert pause.approved_by == colleague
    assert pause.review_action.owner == consultant


@override_settings(DOORBRAAK_PAUSE_MAX_WEEKS=13)
def test_refusal_needs_a_reason_and_the_enforcer_cannot_approve(
    enforcer, manager, case, municipality
):
    pause = _start(enforcer, case, municipality, weeks=14)
    other_enforcer = UserFactory(role=Role.HANDHAVER, organisation=municipality)
    with pytest.raises(PermissionDenied):
        services.pause_approve(actor=other_enforcer, pause=pause, approve=True)
    with pytest.raises(ValidationError):
        services.pause_approve(actor=manager, pause=pause, approve=False, note="")
    pause = services.pause_approve(actor=manager, pause=pause, approve=False, note="Te lang.")
    assert pause.status == PauseStatus.REFUSED
    with pytest.raises(ValidationError):
        services.pause_approve(actor=manager, pause=pause, approve=True)


def test_review_continues_the_benefit_and_starts_a_care_path(
    consultant, worker, case, municipality
):
    pause = _start(consultant, case, municipality)
    with pytest.raises(ValidationError) as error:
        services.pause_review(actor=consultant, pause=pause, outcome="", reasons="", today=TODAY)
    assert set(error.value.message_dict) == {"outcome", "reasons"}
    pause = services.pause_review(
        actor=consultant,
        pause=pause,
        outcome="voortzetten",
        reasons="Pleinvrees; werk is niet te verwachten.",
        care_path="Zorgtraject tegen isolement",
        care_due=TODAY + datetime.timedelta(days=14),
        today=TODAY,
    )
    assert pause.status == PauseStatus.REVIEWED
    pause.review_action.refresh_from_db()
    assert pause.review_action.is_done
    assert pause.care_action.owner == worker
    assert "Zorgtraject tegen isolement" in pause.care_action.description
    assert list(open_actions(worker)) == [pause.care_action]
    with pytest.raises(ValidationError):
        services.pause_review(
            actor=consultant, pause=pause, outcome="beeindigen", reasons="x", today=TODAY
        )


def test_care_path_needs_a_date(consultant, case, municipality):
    pause = _start(consultant, case, municipality)
    with pytest.raises(ValidationError) as error:
        services.pause_review(
            actor=consultant,
            pause=pause,
            outcome="aanpassen",
            reasons="Deels",
            care_path="Zorgtraject",
            care_due=None,
            today=TODAY,
        )
    assert set(error.value.message_dict) == {"care_due"}


def test_visibility(consultant, colleague, worker, case, municipality, team_b):
    pause = _start(consultant, case, municipality)
    assert list(queries.visible_pauses(worker)) == [pause]  # sees the case
    assert list(queries.visible_pauses(colleague)) == [pause]  # W&I of the organisation
    stranger = UserFactory(role=Role.GEZINSWERKER, team=team_b)
    assert list(queries.visible_pauses(stranger)) == []
    elsewhere = UserFactory(role=Role.INKOMENSCONSULENT)
    assert list(queries.visible_pauses(elsewhere)) == []


def test_the_pause_and_its_review_are_in_the_case_timeline(
    consultant, colleague, case, municipality
):
    """Issue 17: the pause is visible on the case, for everyone who works on it."""
    from django.utils import translation

    with translation.override("nl"):
        pause = _start(consultant, case, municipality, weeks=16)
        services.pause_approve(actor=colleague, pause=pause, approve=True)
        services.pause_review(
            actor=consultant, pause=pause, outcome="voortzetten", reasons="Gaat goed.", today=TODAY
        )
    entries = list(case.timeline.filter(kind__startswith="pauze").order_by("pk"))
    assert [e.kind for e in entries] == ["pauze", "pauze", "pauze-beoordeeld"]
    assert entries[0].actor == consultant
    assert pause.reference in entries[0].text and "Bijstandsuitkering" in entries[0].text
    assert "wacht op akkoord van een tweede persoon" in entries[0].text
    assert "1 dec. 2026" in entries[0].text
    assert entries[1].text == f"Pauze {pause.reference} goedgekeurd door een tweede persoon."
    assert entries[2].text.startswith(f"Pauze {pause.reference} herbeoordeeld: ")
    # The reasons stay on the pause itself.
    assert "Gaat goed" not in entries[2].text
