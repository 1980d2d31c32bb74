import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import translation

from doorbraak.accounts.roles import Role
from doorbraak.cases import services
from doorbraak.cases.models import (
    Blocker,
    Case,
    CaseStatus,
    EntryKind,
    Household,
    KeyWorkerHandover,
    LifeDomain,
    Member,
    TimelineEntry,
)
from tests.bsn_numbers import valid_bsn
from tests.factories import CaseFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def counts():
    return (
        Household.objects.count(),
        Member.objects.count(),
        Case.objects.count(),
        TimelineEntry.objects.count(),
    )


def test_open_case_makes_household_member_case_and_timeline(worker_a):
    case = services.case_open(
        actor=worker_a,
        household_name="Huishouden Jansen",
        given_name="Anna",
        family_name="Jansen",
        birth_year=1980,
        question="Huur achterstand",
        life_domains=[LifeDomain.HOUSING],
    )
    assert case.key_worker == worker_a and case.team == worker_a.team
    assert case.household.members.get().household_role == "hoofdbewoner"
    assert case.timeline.get().kind == EntryKind.OPENED
    assert case.life_domains == ["wonen"]


def test_bad_bsn_is_refused_in_dutch_and_nothing_is_saved(worker_a):
    before = counts()
    with pytest.raises(ValidationError) as error:
        services.case_open(
            actor=worker_a, household_name="Huishouden Fout", given_name="Piet", bsn="123456789"
        )
    assert "geen geldig BSN" in str(error.value.message_dict["bsn"])
    assert counts() == before


def test_bad_bsn_on_added_member_saves_nothing(case_a, worker_a):
    before = counts()
    with pytest.raises(ValidationError) as error:
        services.member_add(
            actor=worker_a, case=case_a, given_name="Kees", household_role="kind", bsn="111111111"
        )
    assert "11-proef" in str(error.value.message_dict["bsn"])
    assert counts() == before


def test_bsn_is_encrypted_and_found_by_exact_match(worker_a):
    bsn = valid_bsn(1)
    case = CaseFactory(actor=worker_a, bsn=bsn)
    member = case.household.members.get()
    assert member.bsn == bsn and member.bsn_masked.endswith(bsn[-4:])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT bsn_encrypted, bsn_index FROM cases_member WHERE id = %s", [member.pk]
        )
        encrypted, index = cursor.fetchone()
    assert bsn not in encrypted and bsn not in index
    assert Member.objects.filter(bsn_index=services.bsn_search_key(bsn)).get() == member
    assert not Member.objects.filter(bsn_index=services.bsn_search_key(valid_bsn(2))).exists()


def test_same_bsn_encrypts_differently_each_time(worker_a):
    bsn = valid_bsn(4)
    a = CaseFactory(actor=worker_a, bsn=bsn).household.members.get()
    b = CaseFactory(actor=worker_a, bsn=bsn).household.members.get()
    assert a.bsn_encrypted != b.bsn_encrypted and a.bsn_index == b.bsn_index


@pytest.mark.parametrize("year", [1899, 2999])
def test_implausible_birth_year_is_refused(worker_a, year):
    before = counts()
    with pytest.raises(ValidationError) as error:
        services.case_open(actor=worker_a, household_name="H", given_name="A", birth_year=year)
    assert "Geboortejaar" in str(error.value)
    assert counts() == before


def test_only_caseworkers_in_a_team_open_cases(team_a):
    adviser = UserFactory(role=Role.BELEIDSADVISEUR, team=None)
    with pytest.raises(PermissionDenied):
        services.case_open(actor=adviser, household_name="H", given_name="A")
    assert Case.objects.count() == 0


def test_blocker_records_organisation_rule_effect_and_domain(case_a, worker_a):
    org = OrganisationFactory(name="Dienst Toeslagen", kind="belastingdienst-toeslagen")
    blocker = services.blocker_add(
        actor=worker_a,
        case=case_a,
        organisation=org,
        rule="Medebewoner op adres verlaagt huurtoeslag",
        effect="Minder huurtoeslag",
        life_domain="wonen",
    )
    case_a.refresh_from_db()
    assert "wonen" in case_a.life_domains
    entry = case_a.timeline.filter(kind=EntryKind.BLOCKER_ADDED).get()
    assert entry.blocker == blocker and "Dienst Toeslagen" in entry.text


def test_blocker_with_missing_fields_saves_nothing(case_a, worker_a):
    org = OrganisationFactory()
    with pytest.raises(ValidationError) as error:
        services.blocker_add(
            actor=worker_a, case=case_a, organisation=org, rule=" ", effect="x", life_domain="wonen"
        )
    assert "Regel is verplicht" in str(error.value)
    with pytest.raises(ValidationError):
        services.blocker_add(
            actor=worker_a, case=case_a, organisation=org, rule="r", effect="x", life_domain="maan"
        )
    assert Blocker.objects.count() == 0


def test_resolve_blocker_once(case_a, worker_a):
    org = OrganisationFactory()
    blocker = services.blocker_add(
        actor=worker_a, case=case_a, organisation=org, rule="r", effect="e", life_domain="wonen"
    )
    services.blocker_resolve(actor=worker_a, blocker=blocker, resolution="Uitzondering")
    blocker.refresh_from_db()
    assert blocker.status == "opgelost" and blocker.resolved_at
    with pytest.raises(ValidationError):
        services.blocker_resolve(actor=worker_a, blocker=blocker, resolution="nog eens")


def test_plan_changes_add_versions_and_keep_the_old_ones(case_a, worker_a):
    services.plan_update(
        actor=worker_a,
        case=case_a,
        goal="Eigen woning",
        own_contribution="Zoekt werk",
        support_needed="Schuldhulp",
    )
    services.plan_update(
        actor=worker_a,
        case=case_a,
        goal="Eigen woning en werk",
        own_contribution="Werkt 20 uur",
        support_needed="Budgetbeheer",
    )
    versions = list(case_a.plans.order_by("version").values_list("version", "goal"))
    assert versions == [(1, "Eigen woning"), (2, "Eigen woning en werk")]


def test_handover_needs_a_reason_and_is_recorded(case_a, worker_a, colleague_a, worker_b):
    with pytest.raises(ValidationError):
        services.key_worker_handover(actor=worker_a, case=case_a, to_user=colleague_a, reason="")
    assert not KeyWorkerHandover.objects.exists()
    services.key_worker_handover(
        actor=worker_a, case=case_a, to_user=worker_b, reason="Verhuisd naar Zuid"
    )
    case_a.refresh_from_db()
    assert case_a.key_worker == worker_b and case_a.team == worker_b.team
    handover = KeyWorkerHandover.objects.get()
    assert (handover.from_user, handover.to_user, handover.reason) == (
        worker_a,
        worker_b,
        "Verhuisd naar Zuid",
    )
    assert case_a.timeline.filter(kind=EntryKind.HANDOVER).exists()


def test_a_colleague_cannot_take_over_a_case(case_a, colleague_a):
    with pytest.raises(PermissionDenied):
        services.key_worker_handover(
            actor=colleague_a, case=case_a, to_user=colleague_a, reason="wil ik"
        )


def test_team_leader_can_hand_over(case_a, team_a, colleague_a):
    leader = UserFactory(role=Role.TEAMLEIDER, team=team_a)
    services.key_worker_handover(
        actor=leader, case=case_a, to_user=colleague_a, reason="Ziekte vaste contactpersoon"
    )
    case_a.refresh_from_db()
    assert case_a.key_worker == colleague_a


def test_handover_to_someone_without_team_is_refused(case_a, worker_a):
    outsider = UserFactory(role=Role.GEZINSWERKER, team=None)
    with pytest.raises(ValidationError):
        services.key_worker_handover(actor=worker_a, case=case_a, to_user=outsider, reason="r")


def test_closed_case_refuses_changes(case_a, worker_a):
    services.case_close(actor=worker_a, case=case_a, reason="Doelen bereikt")
    case_a.refresh_from_db()
    assert case_a.status == CaseStatus.CLOSED
    with pytest.raises(ValidationError) as error:
        services.note_add(actor=worker_a, case=case_a, text="nog iets")
    assert "gesloten" in str(error.value)
    services.case_reopen(actor=worker_a, case=case_a, reason="Nieuwe huurachterstand")
    case_a.refresh_from_db()
    assert case_a.status == CaseStatus.OPEN and case_a.closed_at is None
    services.note_add(actor=worker_a, case=case_a, text="Weer contact")
    assert case_a.timeline.filter(kind=EntryKind.REOPENED).get().text == "Nieuwe huurachterstand"
    with pytest.raises(ValidationError):
        services.case_reopen(actor=worker_a, case=case_a, reason="nog eens")


def test_access_grant_and_revoke(case_a, worker_a, worker_b):
    access = services.access_grant(
        actor=worker_a, case=case_a, user=worker_b, reason="Schuldhulp denkt mee"
    )
    with pytest.raises(ValidationError):
        services.access_grant(actor=worker_a, case=case_a, user=worker_b, reason="nog eens")
    services.access_revoke(actor=worker_a, access=access)
    access.refresh_from_db()
    assert access.revoked_at and access.revoked_by == worker_a
    kinds = set(case_a.timeline.values_list("kind", flat=True))
    assert {EntryKind.ACCESS_GRANTED, EntryKind.ACCESS_REVOKED} <= kinds
