import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.cases import services as cases
from doorbraak.cases.models import Blocker
from tests.factories import CaseFactory, OrganisationFactory, UserFactory

RULE = "Terugvordering voorschot bij afgewezen WIA-aanvraag"
START, END = datetime.date(2020, 1, 1), datetime.date(2022, 12, 31)


@pytest.fixture
def uwv(db):
    return OrganisationFactory(name="UWV (test)", kind="uwv")


@pytest.fixture
def adviser(db):
    return UserFactory(username="adviseur", role=Role.BELEIDSADVISEUR)


@pytest.fixture
def belteam(uwv):
    return UserFactory(username="belteam-uwv", role=Role.TAFELLID, organisation=uwv)


def on(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(11), tzinfo=timezone.get_current_timezone())


def blocker(worker, organisation, rule=RULE, day=datetime.date(2021, 3, 1), case=None, **names):
    case = case or CaseFactory(actor=worker, members=2, **names)
    made = cases.blocker_add(
        actor=worker,
        case=case,
        organisation=organisation,
        rule=rule,
        effect="Moet het voorschot in één keer terugbetalen.",
        life_domain="inkomen-werk",
    )
    Blocker.objects.filter(pk=made.pk).update(created_at=on(day))
    return made


def values(org, **changes):
    base = {
        "organisation": org,
        "title": "Geen terugvordering WIA-voorschotten",
        "rule": RULE,
        "period_start": START,
        "period_end": END,
        "max_amount": Decimal("11977.00"),
        "reasons": "Door achterstanden bij de beoordeling ontstaan.",
    }
    return {**base, **changes}
