import datetime
from decimal import Decimal

import pytest

from doorbraak.accounts.roles import Role
from doorbraak.escalation import services as escalation_services
from doorbraak.escalation.models import EscalationRoute
from doorbraak.proposals.models import Category, Request, RequestStatus
from doorbraak.tables.models import Table, TableMember
from tests.factories import CaseFactory, OrganisationFactory, UserFactory

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def route(db):
    return EscalationRoute.objects.get(municipality__isnull=True)


def make_table(route, name="Doorbraaktafel (test)", level=3, members=()):
    table = Table.objects.create(name=name, kind="doorbraaktafel", route=route, level=level)
    for user in members:
        TableMember.objects.create(table=table, user=user, organisation=user.organisation)
    return table


@pytest.fixture
def corporation(db):
    return OrganisationFactory(name="Corporatie (test)", kind="woningcorporatie")


@pytest.fixture
def member(corporation):
    return UserFactory(username="tafel-a", role=Role.TAFELLID, organisation=corporation)


@pytest.fixture
def other_member(corporation):
    return UserFactory(username="tafel-b", role=Role.TAFELLID, organisation=corporation)


@pytest.fixture
def table(route, member):
    return make_table(route, members=[member])


@pytest.fixture
def other_table(route, other_member):
    return make_table(route, name="Andere tafel (test)", members=[other_member])


def waiting_request(case, worker, fund=None, amount="250.00") -> Request:
    return Request.objects.create(
        case=case,
        solution="Vliegticket naar familie (synthetisch)",
        category=Category.objects.get_or_create(key="reis", defaults={"label": "Reis"})[0],
        amount=Decimal(amount),
        supplier_name="Reisbureau (demo)",
        supplier_iban="NL91ABNA0417164300",
        created_by=worker,
        fund=fund,
        status=RequestStatus.SUBMITTED,
    )


def at_table(worker, case, request, leader):
    """The request escalated to the casusoverleg and then to the Doorbraaktafel (level 3)."""
    values = {"question": "Kan de tafel het ticket betalen?", "tried": "Twee potjes gevraagd"}
    escalation_services.escalate(actor=worker, case=case, request=request, **values)
    return escalation_services.escalate(actor=leader, case=case, request=request, **values)


@pytest.fixture
def leader(team_a):
    return UserFactory(username="leider-a", role=Role.TEAMLEIDER, team=team_a)


@pytest.fixture
def case_l(worker_a):
    return CaseFactory(
        actor=worker_a,
        household_name="Huishouden Lindeboom",
        given_name="Lars",
        family_name="Lindeboom",
    )
