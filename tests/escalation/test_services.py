"""Escalating, deciding and follow-up actions through the services: the flow, and every
refusal changes nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from doorbraak.cases import services as case_services
from doorbraak.escalation import queries, services, starter
from doorbraak.escalation.models import (
    Escalation,
    EscalationLevel,
    EscalationRoute,
    FollowUpAction,
    Status,
)
from doorbraak.escalation.reminders import actions_remind_due
from tests.escalation.conftest import escalate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2030, 3, 4)


def snapshot():
    return (
        list(Escalation.objects.values()),
        list(FollowUpAction.objects.values()),
    )


def refused(call, field=None):
    before = snapshot()
    with pytest.raises(ValidationError) as error:
        call()
    assert snapshot() == before
    if field:
        assert field in error.value.message_dict, error.value.message_dict
    return error.value.message_dict


def test_the_default_route_is_loaded_as_version_one(db):
    route = EscalationRoute.objects.get(municipality__isnull=True)
    assert route.version == 1
    assert route.versions.get().snapshot == starter.default_snapshot(1)


def test_a_blocker_goes_up_one_level_and_on(worker_a, leader, case_a, blocker):
    first = escalate(worker_a, case_a, blocker)
    assert (first.level, first.status) == (2, Status.OPEN)
    assert first.current_level.name == "Casusoverleg / MDT"
    assert first.due_date == timezone.localdate() + datetime.timedelta(days=14)
    second = escalate(leader, case_a, blocker, question="Naar de tafel")
    first.refresh_from_db()
    assert first.status == Status.ESCALATED and second.previous == first and second.level == 3
    assert second.route_version == first.route_version


def test_refusals_change_nothing(worker_a, case_a, blocker):
    refused(lambda: escalate(worker_a, case_a, blocker, question=" "), "question")
    refused(lambda: escalate(worker_a, case_a, blocker, tried=""), "tried")
    message = refused(lambda: escalate(worker_a, case_a, blocker, level=4), "skip_reason")
    assert message["skip_reason"] == ["Je slaat een niveau over: zeg waarom."]
    refused(lambda: escalate(worker_a, case_a, blocker, level=1), "level")
    skipped = escalate(worker_a, case_a, blocker, level=4, skip_reason="Spoed: ontruiming")
    assert skipped.level == 4


def test_a_closed_item_cannot_be_escalated(worker_a, leader, case_a, blocker):
    escalation = escalate(worker_a, case_a, blocker)
    services.escalation_decide(
        actor=leader, escalation=escalation, outcome=Status.SOLVED, reasons="Afgesproken"
    )
    refused(lambda: escalate(worker_a, case_a, blocker), "item")
    refused(
        lambda: services.escalation_decide(
            actor=leader, escalation=escalation, outcome=Status.NOT_SUITABLE, reasons="x"
        )
    )


def test_a_resolved_blocker_cannot_be_escalated(worker_a, case_a, blocker):
    case_services.blocker_resolve(actor=worker_a, blocker=blocker, resolution="Opgelost")
    refused(lambda: escalate(worker_a, case_a, blocker), "item")


def test_only_the_levels_deciders_decide_and_within_its_amount(worker_a, leader, case_a, blocker):
    escalation = escalate(worker_a, case_a, blocker)
    before = snapshot()
    with pytest.raises(PermissionDenied):
        services.escalation_decide(
            actor=worker_a, escalation=escalation, outcome=Status.SOLVED, reasons="r"
        )
    assert snapshot() == before
    message = refused(
        lambda: services.escalation_decide(
            actor=leader,
            escalation=escalation,
            outcome=Status.SOLVED,
            reasons="r",
            amount=Decimal("2500.01"),
        ),
        "amount",
    )
    assert message["amount"] == ["Dit niveau mag beslissen tot € 2.500,00."]
    refused(
        lambda: services.escalation_decide(
            actor=leader, escalation=escalation, outcome=Status.SOLVED, reasons=""
        ),
        "reasons",
    )


def test_solved_in_the_voortraject_with_a_follow_up_action(worker_a, leader, case_a, blocker):
    escalation = escalate(worker_a, case_a, blocker)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    refused(
        lambda: services.escalation_decide(
            actor=leader,
            escalation=escalation,
            outcome=Status.SOLVED_EARLY,
            reasons="Regeling gevonden",
            action={"owner": worker_a, "description": "Bellen", "due_date": TODAY.replace(2000)},
        ),
        "action_due_date",
    )
    services.escalation_decide(
        actor=leader,
        escalation=escalation,
        outcome=Status.SOLVED_EARLY,
        reasons="Regeling gevonden met de corporatie",
        action={"owner": worker_a, "description": "Bellen", "due_date": tomorrow},
    )
    escalation.refresh_from_db()
    assert escalation.status == Status.SOLVED_EARLY and escalation.decided_by == leader
    action = FollowUpAction.objects.get()
    assert (action.owner, action.case_id, action.escalation) == (worker_a, case_a.pk, escalation)


def test_withdrawing_is_for_whoever_escalated_it(worker_a, worker_b, case_a, blocker):
    escalation = escalate(worker_a, case_a, blocker)
    with pytest.raises(PermissionDenied):
        services.escalation_decide(
            actor=worker_b, escalation=escalation, outcome=Status.WITHDRAWN, reasons="r"
        )
    services.escalation_decide(
        actor=worker_a, escalation=escalation, outcome=Status.WITHDRAWN, reasons="Niet meer nodig"
    )
    assert Escalation.objects.get().status == Status.WITHDRAWN


def test_actions_due_date_owner_and_done(worker_a, leader, case_a, blocker):
    escalation = escalate(worker_a, case_a, blocker)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    add = services.action_add
    refused(
        lambda: add(
            actor=leader, escalation=escalation, owner=worker_a, description="x", due_date=yesterday
        ),
        "due_date",
    )
    refused(
        lambda: add(
            actor=leader,
            escalation=escalation,
            owner=worker_a,
            description=" ",
            due_date=timezone.localdate(),
        ),
        "description",
    )
    action = add(
        actor=leader,
        escalation=escalation,
        owner=worker_a,
        description="Verslag",
        due_date=timezone.localdate(),
    )
    with pytest.raises(PermissionDenied):
        services.action_done(actor=leader, action=action, note="klaar")
    with pytest.raises(ValidationError):
        services.action_done(actor=worker_a, action=action, note="")
    services.action_done(actor=worker_a, action=action, note="Verslag gestuurd")
    with pytest.raises(ValidationError):
        services.action_done(actor=worker_a, action=action, note="nog eens")
    assert FollowUpAction.objects.get().done_note == "Verslag gestuurd"


def test_an_overdue_action_shows_for_its_owner_and_nobody_else(
    worker_a, colleague_a, leader, case_a, blocker
):
    escalation = escalate(worker_a, case_a, blocker)
    action = services.action_add(
        actor=leader,
        escalation=escalation,
        owner=worker_a,
        description="Verslag",
        due_date=timezone.localdate(),
    )
    FollowUpAction.objects.filter(pk=action.pk).update(
        due_date=timezone.localdate() - datetime.timedelta(days=3)
    )
    assert queries.action_counts(worker_a, timezone.localdate()) == (1, 1)
    assert queries.action_counts(colleague_a, timezone.localdate()) == (0, 0)
    assert queries.action_counts(leader, timezone.localdate()) == (0, 0)


def test_reminders_once_a_day_reference_only(worker_a, leader, case_a, blocker):
    worker_a.email = "noor@example.org"
    worker_a.save()
    escalation = escalate(worker_a, case_a, blocker)
    today = timezone.localdate()
    for due in (today, today + datetime.timedelta(days=1)):
        services.action_add(
            actor=leader,
            escalation=escalation,
            owner=worker_a,
            description="Bel mevrouw Jansen over de huur",
            due_date=due,
        )
    mail.outbox.clear()
    with django_capture_commits():
        assert actions_remind_due() == 1
        assert actions_remind_due() == 0  # once per action per day
    assert len(mail.outbox) == 1
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert "A-" in body and "/acties/" in body and "Jansen" not in body and "Test" not in body
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with django_capture_commits():
        assert actions_remind_due(now=tomorrow) == 2


def django_capture_commits():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_a_new_route_version_leaves_running_escalations_alone(worker_a, case_a, blocker):
    escalation = escalate(worker_a, case_a, blocker)
    route = EscalationRoute.objects.get(municipality__isnull=True)
    EscalationLevel.objects.filter(route=route, position=2).update(name="MDT nieuw")
    version = services.route_publish(route)
    assert version.version == 2 and version.snapshot["levels"][1]["name"] == "MDT nieuw"
    escalation.refresh_from_db()
    assert escalation.current_level.name == "Casusoverleg / MDT"
    other = UserFactory(username="ander", team=worker_a.team)
    assert escalation.route_version.version == 1 and other
