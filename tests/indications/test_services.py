"""Samen indiceren: the adviser writes for a linked case only; the Wmo consultant agrees, asks
or adjusts with reasons, never on their own; the adviser answers; bad input changes nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doorbraak.accounts.roles import Role
from doorbraak.indications import queries, services
from doorbraak.indications.models import Exchange, Indication, IndicationStatus
from doorbraak.privacy.models import ProcessingRecord
from doorbraak.privacy.services import Origin
from tests.factories import CaseFactory, UserFactory

from .conftest import TODAY, write

pytestmark = pytest.mark.django_db


def _origin(user):
    return Origin("1" * 32, "2" * 16, "", user, "test")


def test_the_adviser_writes_for_a_linked_case(nurse, case):
    indication = write(nurse, case, origin=_origin(nurse))
    assert indication.status == IndicationStatus.SUBMITTED
    assert indication.contribution == Decimal("21.80")
    assert indication.reference.startswith("WI-")
    assert ProcessingRecord.objects.filter(activity="indicatie-vastleggen").exists()


def test_an_unlinked_case_is_refused_in_dutch_and_nothing_saved(nurse, worker):
    other = CaseFactory(actor=worker)
    with pytest.raises(PermissionDenied, match="niet gekoppeld"):
        write(nurse, other)
    assert not Indication.objects.exists()


@pytest.mark.parametrize("role", [Role.BUURTTEAMMEDEWERKER, Role.WMO_CONSULENT])
def test_other_roles_do_not_write(role, case, municipality):
    with pytest.raises(PermissionDenied):
        write(UserFactory(role=role, organisation=municipality), case)
    assert not Indication.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("need", "  ", "need"),
        ("provision", "", "provision"),
        ("contribution", "-1", "contribution"),
        ("contribution", "", "contribution"),
        ("contribution", "10000.01", "contribution"),
        ("reported_on", None, "reported_on"),
        ("reported_on", TODAY + datetime.timedelta(days=1), "reported_on"),
        ("applied_on", datetime.date(2026, 10, 1), "applied_on"),
    ],
)
def test_bad_input_changes_nothing(nurse, case, field, value, expected):
    with pytest.raises(ValidationError) as error:
        write(nurse, case, **{field: value})
    assert expected in error.value.message_dict
    assert not Indication.objects.exists()


def test_ask_answer_agree(nurse, consultant, indication):
    services.indication_review(
        actor=consultant, indication=indication, outcome="vraag", question="Woont partner thuis?"
    )
    indication.refresh_from_db()
    assert indication.status == IndicationStatus.QUESTION and indication.questioned
    with pytest.raises(ValidationError):  # waits for the answer first
        services.indication_review(
            actor=consultant, indication=indication, outcome="akkoord", decided_on=TODAY
        )
    services.indication_answer(actor=nurse, indication=indication, answer="Nee, alleenstaand.")
    services.indication_review(
        actor=consultant, indication=indication, outcome="akkoord", decided_on=TODAY, today=TODAY
    )
    indication.refresh_from_db()
    assert indication.status == IndicationStatus.AGREED
    assert indication.decided_on == TODAY and indication.reviewer == consultant
    assert indication.decided_contribution == Decimal("21.80")
    assert [e.kind for e in Exchange.objects.filter(indication=indication)] == [
        "vraag",
        "antwoord",
    ]


def test_adjust_needs_reasons_and_a_change(consultant, indication):
    with pytest.raises(ValidationError) as error:
        services.indication_review(
            actor=consultant,
            indication=indication,
            outcome="aanpassen",
            decided_on=TODAY,
            today=TODAY,
        )
    assert "reasons" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.indication_review(
            actor=consultant,
            indication=indication,
            outcome="aanpassen",
            reasons="Minder.",
            decided_on=TODAY,
            today=TODAY,
        )
    assert "__all__" in error.value.message_dict
    services.indication_review(
        actor=consultant,
        indication=indication,
        outcome="aanpassen",
        reasons="Partner helpt.",
        scope="2 uur per week",
        decided_on=TODAY,
        today=TODAY,
    )
    indication.refresh_from_db()
    assert indication.status == IndicationStatus.ADJUSTED
    assert indication.decided_scope == "2 uur per week" and indication.scope == "3 uur per week"


def test_a_review_by_the_adviser_who_wrote_it_is_refused(nurse, indication):
    with pytest.raises(PermissionDenied, match="zelf geschreven|Wmo-consulent"):
        services.indication_review(
            actor=nurse, indication=indication, outcome="akkoord", decided_on=TODAY
        )
    indication.refresh_from_db()
    assert indication.status == IndicationStatus.SUBMITTED and indication.decided_on is None


def test_only_the_author_answers(other_nurse, consultant, indication):
    services.indication_review(
        actor=consultant, indication=indication, outcome="vraag", question="Vraag?"
    )
    with pytest.raises(PermissionDenied):
        services.indication_answer(actor=other_nurse, indication=indication, answer="Ik.")
    with pytest.raises(PermissionDenied):
        services.indication_answer(actor=consultant, indication=indication, answer="Ik.")


def test_the_decision_date_is_checked(consultant, indication):
    for day in (None, TODAY + datetime.timedelta(days=1), datetime.date(2026, 1, 1)):
        with pytest.raises(ValidationError) as error:
            services.indication_review(
                actor=consultant,
                indication=indication,
                outcome="akkoord",
                decided_on=day,
                today=TODAY,
            )
        assert "decided_on" in error.value.message_dict
    indication.refresh_from_db()
    assert indication.status == IndicationStatus.SUBMITTED


def test_who_sees_an_indication(nurse, other_nurse, consultant, worker, indication, team_b):
    assert list(queries.visible_indications(nurse)) == [indication]
    assert list(queries.visible_indications(worker)) == [indication]
    assert list(queries.visible_indications(consultant)) == [indication]
    assert not queries.visible_indications(other_nurse).exists()
    elsewhere = UserFactory(role=Role.WMO_CONSULENT)  # no municipality of this case
    assert not queries.visible_indications(elsewhere).exists()
    stranger = UserFactory(role=Role.BUURTTEAMMEDEWERKER, team=team_b)
    assert not queries.visible_indications(stranger).exists()


def test_start_items_flag_overdue_terms(nurse, consultant, case):
    late = write(nurse, case, reported_on=datetime.date(2026, 10, 1), applied_on=None)
    items = queries.start_items(consultant, TODAY, 5)
    assert items == [late] or late in items
    found = next(i for i in items if i.pk == late.pk)
    assert found.terms.investigation_overdue  # 1 Oct + 6 weeks = 12 Nov, before 1 Dec
    assert queries.start_items(nurse, TODAY, 5) != []
