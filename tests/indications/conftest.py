import datetime

import pytest

from doorbraak.accounts.models import Neighbourhood, Organisation, OrganisationKind
from doorbraak.accounts.roles import Role
from doorbraak.cases import services as cases
from doorbraak.indications import services
from tests.factories import CaseFactory, UserFactory

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def municipality(db):
    return Organisation.objects.create(name="Gemeente Test", kind=OrganisationKind.MUNICIPALITY)


@pytest.fixture
def care(db):
    return Organisation.objects.create(name="Wijkzorg Test", kind=OrganisationKind.CARE_PROVIDER)


@pytest.fixture
def worker(team_a, municipality):
    team_a.neighbourhood = Neighbourhood.objects.create(name="Wijk Test", municipality=municipality)
    team_a.save()
    return UserFactory(role=Role.BUURTTEAMMEDEWERKER, team=team_a)


@pytest.fixture
def nurse(care):
    return UserFactory(role=Role.ADVISEUR, organisation=care)


@pytest.fixture
def other_nurse(care):
    return UserFactory(role=Role.ADVISEUR, organisation=care)


@pytest.fixture
def consultant(municipality):
    return UserFactory(role=Role.WMO_CONSULENT, organisation=municipality)


@pytest.fixture
def case(worker, nurse):
    case = CaseFactory(actor=worker, given_name="Jannie", family_name="Brouwer")
    cases.access_grant(actor=worker, case=case, user=nurse, reason="Wijkverpleegkundige")
    return case


def write(nurse, case, **kwargs):
    values = {
        "reported_on": datetime.date(2026, 11, 2),
        "applied_on": datetime.date(2026, 11, 20),
        "need": "Kan het huishouden niet meer doen.",
        "own_capacity": "Kookt zelf.",
        "informal_care": "Zoon komt wekelijks.",
        "provision": "Huishoudelijke ondersteuning",
        "scope": "3 uur per week",
        "contribution": "21.80",
        "today": TODAY,
    }
    values.update(kwargs)
    return services.indication_write(actor=nurse, case=case, **values)


@pytest.fixture
def indication(nurse, case):
    return write(nurse, case)
