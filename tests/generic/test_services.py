"""Generic decisions and the outreach list through the services: the affected cases come from
the data, a refresh adds without dropping, attempts follow the rules, bad input is a Dutch
message that changes nothing, and roles are kept to."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from doorbraak.generic import criteria, queries, services
from doorbraak.generic.models import GenericDecision, OutreachAttempt, OutreachRow
from doorbraak.learning.models import Rule
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from tests.factories import OrganisationFactory
from tests.generic.conftest import END, RULE, START, blocker, values

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(worker_a, worker_b, uwv):
    other = OrganisationFactory(name="SVB (test)", kind="svb")
    inside = [
        blocker(worker_a, uwv, day=START),
        blocker(worker_a, uwv, rule=f"{RULE.upper()}: 6.000 euro", day=datetime.date(2021, 6, 1)),
        blocker(worker_b, uwv, rule=f"De {RULE.lower()}", day=END),
    ]
    blocker(worker_a, uwv, case=inside[0].case, day=datetime.date(2022, 1, 1))  # same case twice
    blocker(worker_a, uwv, day=datetime.date(2019, 12, 31))  # before the period
    blocker(worker_a, uwv, day=datetime.date(2023, 1, 1))  # after
    blocker(worker_a, other, day=datetime.date(2021, 1, 1))  # another organisation
    blocker(worker_a, uwv, rule="Geen bijstand met terugwerkende kracht")  # another rule
    return inside


def test_the_affected_cases_are_listed_from_the_data(adviser, uwv, data):
    decision = services.decision_create(actor=adviser, **values(uwv))
    cases = set(decision.outreach_rows.values_list("case_id", flat=True))
    assert cases == {b.case_id for b in data}
    assert set(decision.outreach_rows.values_list("status", flat=True)) == {"te-bellen"}
    assert decision.max_amount == Decimal("11977.00")
    assert decision.reference.startswith("G-")


def test_the_query_agrees_with_the_pure_rule(uwv, data):
    from doorbraak.cases.models import Blocker

    facts = [
        criteria.BlockerFacts(
            b.case_id, b.organisation_id, b.rule, b.created_at.astimezone().date()
        )
        for b in Blocker.objects.order_by("case_id", "pk")
    ]
    pure = criteria.affected_cases(facts, criteria.Criteria(uwv.pk, RULE, START, END))
    query = queries.affected_case_ids(organisation_id=uwv.pk, rule=RULE, start=START, end=END)
    assert sorted(pure) == query
    assert queries.affected_count(organisation_id=uwv.pk, rule=RULE, start=START, end=END) == 3


def test_a_catalogue_rule_matches_by_its_title(adviser, uwv, data):
    rule = Rule.objects.create(organisation=uwv, title=RULE)
    decision = services.decision_create(actor=adviser, **values(uwv, rule="", catalogue_rule=rule))
    assert decision.rule == RULE
    assert decision.outreach_rows.count() == 3


def test_a_refresh_adds_new_cases_and_keeps_the_rows(adviser, belteam, worker_a, uwv, data):
    decision = services.decision_create(actor=adviser, **values(uwv))
    row = decision.outreach_rows.order_by("id").first()
    services.attempt_record(actor=belteam, row=row, outcome="bereikt")
    late = blocker(worker_a, uwv, day=datetime.date(2022, 6, 1))
    assert services.decision_refresh(actor=adviser, decision=decision) == 1
    assert services.decision_refresh(actor=adviser, decision=decision) == 0
    assert decision.outreach_rows.count() == 4
    assert decision.outreach_rows.filter(case=late.case).exists()
    row.refresh_from_db()
    assert row.status == "bereikt"


@override_settings(OUTREACH_MAX_ATTEMPTS=3)
def test_attempts_move_the_status(adviser, belteam, uwv, data):
    decision = services.decision_create(actor=adviser, **values(uwv))
    first, second, third = decision.outreach_rows.order_by("id")
    for _ in range(3):
        services.attempt_record(actor=belteam, row=first, outcome="geen-gehoor")
    services.attempt_record(actor=belteam, row=second, outcome="geweigerd", note="Liever een brief")
    services.attempt_record(actor=belteam, row=third, outcome="geen-gehoor")
    statuses = dict(decision.outreach_rows.values_list("pk", "status"))
    assert statuses == {first.pk: "niet-bereikt", second.pk: "geweigerd", third.pk: "te-bellen"}
    progress = queries.progress_of(decision.pk)
    assert (progress.total, progress.to_call, progress.not_reached, progress.declined) == (
        3,
        1,
        1,
        1,
    )
    assert OutreachAttempt.objects.count() == 5


def test_an_attempt_note_is_stored_anonymised(adviser, belteam, worker_a, uwv):
    made = blocker(
        worker_a,
        uwv,
        household_name="Huishouden Oyelaran",
        given_name="Adebayo",
        family_name="Oyelaran",
    )
    decision = services.decision_create(actor=adviser, **values(uwv))
    row = decision.outreach_rows.get(case=made.case)
    attempt = services.attempt_record(
        actor=belteam, row=row, outcome="bereikt", note="Adebayo Oyelaran was blij met het nieuws"
    )
    assert "Oyelaran" not in attempt.note
    assert "Adebayo" not in attempt.note
    assert "blij" in attempt.note


def test_creating_and_calling_write_the_processing_log(adviser, belteam, uwv, data):
    from doorbraak.privacy.services import Origin

    origin = Origin("1" * 32, "2" * 16, "", adviser, "web 127.0.0.1")
    decision = services.decision_create(actor=adviser, origin=origin, **values(uwv))
    created = AuditRecord.objects.get(activity="generiek-maatwerk-besluiten")
    assert created.subject_count == 6  # three households of two members
    row = decision.outreach_rows.first()
    services.attempt_record(actor=belteam, row=row, outcome="bereikt", origin=origin)
    assert ProcessingRecord.objects.filter(activity="belpoging-vastleggen").count() == 2


BAD = [
    ({"period_start": None, "period_end": None}, "period_start", "Geef de periode"),
    (
        {"period_start": END, "period_end": START},
        "period_end",
        "Het einde van de periode kan niet voor het begin liggen.",
    ),
    ({"organisation": None}, "organisation", "Kies de organisatie"),
    ({"rule": "  "}, "rule", "Kies een regel uit de catalogus of beschrijf de regel."),
    ({"max_amount": Decimal("-0.01")}, "max_amount", "Het maximumbedrag kan niet negatief zijn."),
    ({"reasons": ""}, "reasons", "is verplicht"),
]


@pytest.mark.parametrize("changes,field,message", BAD)
def test_bad_input_is_a_dutch_message_and_changes_nothing(
    adviser, uwv, data, changes, field, message
):
    with pytest.raises(ValidationError) as error:
        services.decision_create(actor=adviser, **values(uwv, **changes))
    assert message in " ".join(error.value.message_dict[field])
    assert GenericDecision.objects.count() == 0
    assert OutreachRow.objects.count() == 0
    assert not AuditRecord.objects.filter(activity="generiek-maatwerk-besluiten").exists()


def test_a_catalogue_rule_of_another_organisation_is_refused(adviser, uwv, data):
    other = Rule.objects.create(organisation=OrganisationFactory(name="DUO (test)"), title="x")
    with pytest.raises(ValidationError) as error:
        services.decision_create(actor=adviser, **values(uwv, catalogue_rule=other))
    assert "andere organisatie" in str(error.value)
    assert GenericDecision.objects.count() == 0


def test_an_attempt_on_a_closed_row_or_with_an_unknown_outcome_changes_nothing(
    adviser, belteam, uwv, data
):
    decision = services.decision_create(actor=adviser, **values(uwv))
    row = decision.outreach_rows.first()
    with pytest.raises(ValidationError) as error:
        services.attempt_record(actor=belteam, row=row, outcome="bestaat-niet")
    assert error.value.message_dict["outcome"] == ["Kies een geldige uitkomst."]
    services.attempt_record(actor=belteam, row=row, outcome="bereikt")
    with pytest.raises(ValidationError) as error:
        services.attempt_record(actor=belteam, row=row, outcome="geen-gehoor")
    assert "al “bereikt”" in error.value.message_dict["outcome"][0]
    row.refresh_from_db()
    assert (row.status, row.attempts, OutreachAttempt.objects.count()) == ("bereikt", 1, 1)


def test_roles(adviser, belteam, worker_a, worker_b, uwv, data):
    with pytest.raises(PermissionDenied):
        services.decision_create(actor=worker_a, **values(uwv))
    with pytest.raises(PermissionDenied):
        services.decision_create(actor=belteam, **values(uwv))
    decision = services.decision_create(actor=adviser, **values(uwv))
    with pytest.raises(PermissionDenied):
        services.decision_refresh(actor=belteam, decision=decision)
    # the adviser sees progress, never the households; the belteam of UWV all rows;
    # a professional the rows of the cases they may see
    assert not queries.visible_rows(adviser, decision).exists()
    assert queries.visible_rows(belteam, decision).count() == 3
    assert queries.visible_rows(worker_a, decision).count() == 2
    assert queries.visible_rows(worker_b, decision).count() == 1
    theirs = queries.visible_rows(worker_b, decision).get()
    mine = queries.visible_rows(worker_a, decision).first()
    with pytest.raises(PermissionDenied):
        services.attempt_record(actor=worker_b, row=mine, outcome="bereikt")
    with pytest.raises(PermissionDenied):
        services.attempt_record(actor=adviser, row=theirs, outcome="bereikt")
    services.attempt_record(actor=worker_b, row=theirs, outcome="bereikt")
    other_belteam = OrganisationFactory(name="SVB (test)")
    from doorbraak.accounts.roles import Role
    from tests.factories import UserFactory

    svb = UserFactory(username="belteam-svb", role="tafellid", organisation=other_belteam)
    assert not queries.visible_rows(svb, decision).exists()
    assert not queries.visible_decisions(svb).exists()
    assert queries.visible_decisions(worker_b).count() == 1
    handhaver = UserFactory(username="handhaver", role=Role.HANDHAVER)
    assert not queries.visible_decisions(handhaver).exists()
