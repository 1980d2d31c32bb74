import pytest

from doorbraak.accounts.models import OrganisationKind
from doorbraak.accounts.roles import Role
from doorbraak.cases import services as case_services
from doorbraak.escalation import services as escalation_services
from tests.factories import OrganisationFactory, UserFactory

SUMMARY = (
    "Mevrouw Jansen volgde voorbeeldig haar inburgering en rondde een studie af, maar "
    "overschreed per ongeluk de inburgeringstermijn. DUO vordert de lening terug."
)


@pytest.fixture
def duo(db):
    return OrganisationFactory(name="DUO (test)", kind=OrganisationKind.DUO)


@pytest.fixture
def uwv(db):
    return OrganisationFactory(name="UWV (test)", kind=OrganisationKind.UWV)


@pytest.fixture
def regie(db):
    loket = OrganisationFactory(name="Maatwerkloket (test)", kind=OrganisationKind.OTHER)
    return UserFactory(username="regie", role=Role.REGIEVOERDER, organisation=loket)


@pytest.fixture
def leader(team_a):
    return UserFactory(username="leider-let", role=Role.TEAMLEIDER, team=team_a)


@pytest.fixture
def student_case(worker_a):
    from tests.factories import CaseFactory

    return CaseFactory(actor=worker_a, family_name="Jansen", household_name="Huishouden Jansen")


@pytest.fixture
def duo_blocker(student_case, worker_a, duo):
    return case_services.blocker_add(
        actor=worker_a,
        case=student_case,
        organisation=duo,
        rule="De inburgeringslening wordt teruggevorderd na overschrijding van de termijn",
        effect="Een schuld van ruim 10.000 euro; de studie moet stoppen",
        life_domain="financien",
    )


def to_let(worker, leader, case, blocker):
    """S14's route: team → Doorbraaktafel (the casusoverleg skipped) → LET (the mandate
    skipped)."""
    escalation_services.escalate(
        actor=worker,
        case=case,
        blocker=blocker,
        level=3,
        question="Kan DUO afzien van de terugvordering?",
        tried="Verzoek bij DUO; betalingsregeling aangeboden",
        skip_reason="Het casusoverleg gaat niet over regels van DUO",
    )
    return escalation_services.escalate(
        actor=leader,
        case=case,
        blocker=blocker,
        level=5,
        question="De tafel heeft geen mandaat bij DUO: naar het LET",
        tried="Besproken aan de Doorbraaktafel",
        skip_reason="Een mandaat van de gemeente gaat niet over DUO",
    )
