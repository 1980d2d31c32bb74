import pytest

from doorbraak.accounts.models import Organisation, OrganisationKind
from doorbraak.accounts.roles import Role
from doorbraak.cases import services as cases
from tests.factories import CaseFactory, UserFactory


@pytest.fixture
def municipality(db):
    return Organisation.objects.create(name="Gemeente Test", kind=OrganisationKind.MUNICIPALITY)


@pytest.fixture
def worker(team_a):
    return UserFactory(role=Role.BUURTTEAMMEDEWERKER, team=team_a)


@pytest.fixture
def consultant(municipality):
    return UserFactory(role=Role.INKOMENSCONSULENT, organisation=municipality)


@pytest.fixture
def colleague(municipality):
    return UserFactory(role=Role.INKOMENSCONSULENT, organisation=municipality)


@pytest.fixture
def manager(municipality):
    return UserFactory(role=Role.MANAGER_WI, organisation=municipality)


@pytest.fixture
def enforcer(municipality):
    return UserFactory(role=Role.HANDHAVER, organisation=municipality)


@pytest.fixture
def case(worker, consultant, enforcer):
    case = CaseFactory(actor=worker, given_name="Wilma", family_name="Verhoef")
    for person in (consultant, enforcer):
        cases.access_grant(actor=worker, case=case, user=person, reason="W&I")
    return case
