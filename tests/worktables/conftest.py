import datetime

import pytest
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.learning.models import Pattern
from doorbraak.worktables import services
from tests.factories import OrganisationFactory, TeamFactory, UserFactory
from tests.learning.conftest import SPOOK, add

#: Households of the spookbewoning cases: their names must never reach a werktafel.
NAMES = [
    {
        "household_name": "Huishouden Kowalczyk",
        "given_name": "Zbigniew",
        "family_name": "Kowalczyk",
    },
    {"household_name": "Huishouden Oyelaran", "given_name": "Adebayo", "family_name": "Oyelaran"},
    {
        "household_name": "Huishouden Vlasblom",
        "given_name": "Gerritdina",
        "family_name": "Vlasblom",
    },
]


@pytest.fixture
def toeslagen(db):
    return OrganisationFactory(name="Dienst Toeslagen (test)", kind="belastingdienst-toeslagen")


@pytest.fixture
def workers(db):
    return [UserFactory(username=f"wt-werker-{i}", team=TeamFactory()) for i in range(3)]


@pytest.fixture
def adviser(db):
    return UserFactory(username="wt-adviseur", role=Role.BELEIDSADVISEUR, first_name="Sophie")


@pytest.fixture
def pattern(toeslagen, workers):
    """S9: three blockers in three teams make a candidate pattern."""
    for i in range(3):
        add(workers[i], toeslagen, SPOOK[i], names=NAMES[i])
    return Pattern.objects.get()


@pytest.fixture
def worktable(adviser, pattern, toeslagen):
    return services.worktable_start(
        actor=adviser,
        pattern=pattern,
        title="Werktafel spookbewoning",
        organisations=[toeslagen],
        departments=["Klantcontactcentrum (gemeente)"],
    )


@pytest.fixture
def solution(adviser, worktable):
    return services.solution_record(
        actor=adviser,
        worktable=worktable,
        title="Signalering op adres naar Dienst Toeslagen",
        kind="afspraak-partner",
        owner=adviser,
        proposed_on=timezone.localdate() - datetime.timedelta(days=30),
    )
