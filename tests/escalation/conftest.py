import pytest

from doorbraak.accounts.roles import Role
from doorbraak.cases import services as case_services
from tests.factories import OrganisationFactory, UserFactory


@pytest.fixture
def leader(team_a):
    return UserFactory(username="leider-a", role=Role.TEAMLEIDER, team=team_a)


@pytest.fixture
def corporation(db):
    return OrganisationFactory(name="Woningcorporatie (test)", kind="woningcorporatie")


@pytest.fixture
def blocker(case_a, worker_a, corporation):
    return case_services.blocker_add(
        actor=worker_a,
        case=case_a,
        organisation=corporation,
        rule="Ontruiming bij twee maanden achterstand",
        effect="Het gezin dreigt dakloos te worden",
        life_domain="wonen",
    )


def escalate(actor, case, blocker, **kwargs):
    from doorbraak.escalation import services

    values = {"question": "Mag de achterstand bevroren worden?", "tried": "Betalingsregeling"}
    values.update(kwargs)
    return services.escalate(actor=actor, case=case, blocker=blocker, **values)
