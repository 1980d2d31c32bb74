"""Tables, meetings, agenda items, decisions and consent through the services."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doorbraak.escalation.models import FollowUpAction, Status
from doorbraak.funds.models import Reservation
from doorbraak.proposals.models import RequestStatus
from doorbraak.tables import queries, services
from tests.funds.conftest import make_fund

from .conftest import TODAY, at_table, waiting_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def escalation(case_l, worker_a, leader):
    return at_table(worker_a, case_l, waiting_request(case_l, worker_a), leader)


@pytest.fixture
def item(table, member, escalation):
    meeting = services.meeting_plan(actor=member, table=table, date=TODAY, today=TODAY)
    return services.item_add(actor=member, meeting=meeting, escalation=escalation)


def decision(**extra):
    data = {
        "outcome": "opgelost",
        "decision": "Het potje betaalt het ticket.",
        "legitimacy": "Past in de beleidsregel maatwerk.",
        "involvement": "De familie vangt meneer op.",
        "returns": "Voorkomt een ziekenhuisopname.",
        "amount": None,
        "fund": None,
        "actions": [],
    }
    data.update(extra)
    return data


def test_only_a_member_plans_and_adds(table, other_member, escalation):
    with pytest.raises(PermissionDenied):
        services.meeting_plan(actor=other_member, table=table, date=TODAY, today=TODAY)


def test_meeting_in_the_past_is_refused(table, member):
    with pytest.raises(ValidationError) as error:
        services.meeting_plan(
            actor=member, table=table, date=TODAY - datetime.timedelta(days=1), today=TODAY
        )
    assert "verleden" in error.value.message_dict["date"][0]


def test_item_of_another_level_is_refused(table, member, case_l, worker_a):
    from doorbraak.escalation import services as escalation_services

    low = escalation_services.escalate(
        actor=worker_a,
        case=case_l,
        request=waiting_request(case_l, worker_a),
        question="Vraag",
        tried="Geprobeerd",
    )
    meeting = services.meeting_plan(actor=member, table=table, date=TODAY, today=TODAY)
    with pytest.raises(ValidationError) as error:
        services.item_add(actor=member, meeting=meeting, escalation=low)
    assert "niet naar deze tafel" in error.value.message_dict["escalation"][0]


def test_member_never_sees_an_item_of_another_table(item, member, other_member, other_table):
    assert list(queries.visible_items(member)) == [item]
    assert list(queries.visible_items(other_member)) == []
    assert list(queries.visible_meetings(other_member)) == []
    with pytest.raises(Exception):  # noqa: B017,PT011 - Http404
        queries.item_detail(other_member, item.pk)


def test_identity_only_with_consent_and_withdrawal_hides_it_at_once(item, member, worker_a, table):
    shown = queries.presentations(member, [item], today=TODAY)[0]
    assert shown.anonymous and "Lindeboom" not in shown.household
    case = item.escalation.case
    consent = services.consent_record(
        actor=worker_a,
        case=case,
        member=case.household.members.first(),
        table=table,
        scope="identiteit",
        valid_from=TODAY,
        valid_until=TODAY + datetime.timedelta(days=30),
        today=TODAY,
    )
    shown = queries.presentations(member, [item], today=TODAY)[0]
    assert shown.mode == queries.IDENTITY and "Lindeboom" in shown.household
    services.consent_withdraw(actor=worker_a, consent=consent)
    shown = queries.presentations(member, [item], today=TODAY)[0]
    assert shown.anonymous and "Lindeboom" not in shown.household


def test_consent_for_another_table_shows_nothing(item, member, worker_a, other_table):
    case = item.escalation.case
    services.consent_record(
        actor=worker_a,
        case=case,
        member=case.household.members.first(),
        table=other_table,
        scope="identiteit",
        valid_from=TODAY,
        valid_until=TODAY + datetime.timedelta(days=30),
        today=TODAY,
    )
    assert queries.presentations(member, [item], today=TODAY)[0].anonymous


def test_consent_without_end_date_is_refused(case_l, worker_a, table):
    with pytest.raises(ValidationError) as error:
        services.consent_record(
            actor=worker_a,
            case=case_l,
            member=case_l.household.members.first(),
            table=table,
            scope="identiteit",
            valid_from=TODAY,
            valid_until=None,
            today=TODAY,
        )
    assert "einddatum" in error.value.message_dict["valid_until"][0]


def test_only_the_key_worker_records_consent(case_l, member, table):
    with pytest.raises(PermissionDenied):
        services.consent_record(
            actor=member,
            case=case_l,
            member=case_l.household.members.first(),
            table=table,
            scope="identiteit",
            valid_from=TODAY,
            valid_until=TODAY,
            today=TODAY,
        )


def test_decision_without_reasons_changes_nothing(item, member):
    with pytest.raises(ValidationError) as error:
        services.item_decide(
            actor=member,
            item=item,
            data=decision(legitimacy="", involvement="", returns=" "),
            today=TODAY,
        )
    assert set(error.value.message_dict) >= {"legitimacy", "involvement", "returns"}
    item.refresh_from_db()
    item.escalation.refresh_from_db()
    assert not item.is_decided and item.escalation.status == Status.OPEN


def test_due_date_in_the_past_is_refused(item, member, worker_a):
    action = {"owner": worker_a, "description": "Bellen", "due_date": TODAY - datetime.timedelta(1)}
    with pytest.raises(ValidationError) as error:
        services.item_decide(actor=member, item=item, data=decision(actions=[action]), today=TODAY)
    assert "verleden" in error.value.message_dict["action0_due_date"][0]
    assert not FollowUpAction.objects.exists()


def test_amount_above_the_level_is_refused(item, member, team_a):
    fund = make_fund(team_a, budget_cents=5_000_000)
    with pytest.raises(ValidationError) as error:
        services.item_decide(
            actor=member,
            item=item,
            data=decision(amount=Decimal("10000.01"), fund=fund),
            today=TODAY,
        )
    assert "10.000,00" in " ".join(error.value.message_dict["amount"])
    assert not Reservation.objects.exists()


def test_deciding_at_a_table_one_is_not_a_member_of_is_refused(item, other_member, other_table):
    with pytest.raises(PermissionDenied) as error:
        services.item_decide(actor=other_member, item=item, data=decision(), today=TODAY)
    assert "contactpersoon" in str(error.value)


def test_money_decision_reserves_once_and_sets_actions(item, member, worker_a, team_a):
    fund = make_fund(team_a)
    action = {"owner": worker_a, "description": "Ticket boeken", "due_date": TODAY}
    data = decision(amount=Decimal("250.00"), fund=fund, actions=[action])
    services.item_decide(actor=member, item=item, data=data, today=TODAY)
    services.item_decide(actor=member, item=item, data=data, today=TODAY)  # double click
    request = item.escalation.request
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED and request.fund == fund
    assert Reservation.objects.get().amount_cents == 25000
    assert request.payment_orders.count() == 1
    assert FollowUpAction.objects.get().owner == worker_a
    item.escalation.refresh_from_db()
    assert item.escalation.status == Status.SOLVED
    assert "Rendement" in item.escalation.reasons
