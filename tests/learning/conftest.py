import pytest

from doorbraak.accounts.roles import Role
from doorbraak.cases import services
from tests.factories import CaseFactory, OrganisationFactory, TeamFactory, UserFactory

#: Paraphrases of one rule (S9, spookbewoning), as different professionals would write it.
SPOOK = [
    (
        "Medebewoner telt mee in de huurtoeslag",
        "Een spookbewoner op het adres: veel minder huurtoeslag",
    ),
    (
        "Een spookbewoner die nog op het adres ingeschreven staat telt als medebewoner mee "
        "voor de huurtoeslag",
        "Huurtoeslag veel lager, de huur is niet op te brengen",
    ),
    (
        "Ingeschreven medebewoners tellen mee in de berekening van de huurtoeslag",
        "Krijgt veel minder huurtoeslag dan verwacht",
    ),
    (
        "Huurtoeslag wordt berekend met iedereen die op het adres staat ingeschreven",
        "Minder toeslag door een onbekende medebewoner",
    ),
]
#: Other rules of the same organisation.
OTHER = [
    (
        "Onder de 23 jaar geen huurtoeslag boven de kwaliteitskortingsgrens",
        "Kan de huur niet betalen",
    ),
    ("De integrale beoordeling in de hersteloperatie duurt al meer dan een jaar", "Wacht op geld"),
    ("Terugvordering van kinderopvangtoeslag in één keer", "Schuld van 4000 euro"),
]


@pytest.fixture
def toeslagen(db):
    return OrganisationFactory(name="Dienst Toeslagen (test)", kind="belastingdienst-toeslagen")


@pytest.fixture
def workers(db):
    """Three caseworkers in three teams."""
    return [
        UserFactory(
            username=f"werker-{i}", team=(team := TeamFactory()), organisation=team.organisation
        )
        for i in range(4)
    ]


@pytest.fixture
def adviser(db):
    return UserFactory(username="adviseur", role=Role.BELEIDSADVISEUR)


def add(worker, organisation, text, case=None, names=None):
    case = case or CaseFactory(actor=worker, **(names or {}))
    rule, effect = text
    return services.blocker_add(
        actor=worker,
        case=case,
        organisation=organisation,
        rule=rule,
        effect=effect,
        life_domain="wonen",
    )
