import pytest

from doorbraak.accounts.models import Neighbourhood, Organisation, OrganisationKind
from doorbraak.proposals.models import Category, LegalGround
from tests.factories import CaseFactory, OrganisationFactory


@pytest.fixture
def case(worker_a, team_a):
    municipality = Organisation.objects.create(
        name="Gemeente Test", kind=OrganisationKind.MUNICIPALITY
    )
    team_a.neighbourhood = Neighbourhood.objects.create(name="Wijk Test", municipality=municipality)
    team_a.save()
    return CaseFactory(actor=worker_a, members=2, given_name="Lotte", family_name="Beekman")


@pytest.fixture
def blocker(case, worker_a):
    from doorbraak.cases import services

    org = OrganisationFactory(
        name="Belastingdienst/Toeslagen (test)", kind="belastingdienst-toeslagen"
    )
    return services.blocker_add(
        actor=worker_a,
        case=case,
        organisation=org,
        rule="Huurtoeslag onder 23 jaar alleen tot € 442,46 huur",
        effect="Gat van € 400 per maand",
        life_domain="wonen",
    )


@pytest.fixture
def ground():
    return LegalGround.objects.get(law="Participatiewet", article="art. 18 lid 1")


@pytest.fixture
def category():
    return Category.objects.get(key="wonen")


SUPPLIER_IBAN = "NL91ABNA0417164300"  # the standard example IBAN from the IBAN registry


def complete(**overrides):
    """A complete, valid request except for what a test overrides."""
    values = {
        "solution": "Vliegticket naar familie in een warm land",
        "amount": "250.00",
        "frequency": "eenmalig",
        "supplier_name": "Reisbureau Voorbeeld (test)",
        "supplier_iban": SUPPLIER_IBAN,
        "prior_provisions": ["geen"],
        "recurrence_prevention": "De zoon reageert namens meneer op woningen.",
        "legitimacy": "Afstemming op de omstandigheden van meneer.",
        "involvement": "Meneer regelt zelf het verblijf bij familie.",
        "societal_return": "Voorkomt verdere achteruitgang en zorgkosten.",
    }
    values.update(overrides)
    return values
