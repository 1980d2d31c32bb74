import datetime

import pytest
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.cases import services as case_services
from doorbraak.cases.models import Household, HouseholdRole, Member
from doorbraak.privacy.services import Origin
from doorbraak.proposals import lifecycle
from tests.approvals.test_flow import SHOP_IBAN
from tests.bsn_numbers import valid_bsn
from tests.factories import CaseFactory, OrganisationFactory, UserFactory
from tests.funds.conftest import make_fund
from tests.funds.test_money_race import approved_request

ANNA, KEES, BERT = valid_bsn(101), valid_bsn(102), valid_bsn(103)


@pytest.fixture
def beheerder(db):
    return UserFactory(username="beheerder-1", role=Role.BEHEERDER)


@pytest.fixture
def beheerder2(db):
    return UserFactory(username="beheerder-2", role=Role.BEHEERDER)


def origin(user) -> Origin:
    return Origin("a" * 32, "b" * 16, "", user, "test")


def _address(case):
    Household.objects.filter(pk=case.household_id).update(
        address="Dorpsstraat 1", postcode="1234AB", city="Testdorp"
    )


@pytest.fixture
def jansens(worker_a, team_a):
    """Two households called Jansen at the same address. Household A: Anna (main, BSN) and
    her son Kees (BSN), with a blocker, a plan, a note and a paid request. Household B: Bert."""
    a = CaseFactory(
        actor=worker_a,
        household_name="Huishouden Jansen",
        given_name="Anna",
        family_name="Jansen",
        bsn=ANNA,
        question="Anna wil van haar schulden af",
    )
    case_services.member_add(
        actor=worker_a,
        case=a,
        given_name="Kees",
        family_name="Jansen",
        household_role=HouseholdRole.CHILD,
        birth_year=2012,
        bsn=KEES,
    )
    org = OrganisationFactory(name="Belastingdienst (test)", kind="belastingdienst-toeslagen")
    case_services.blocker_add(
        actor=worker_a,
        case=a,
        organisation=org,
        rule="Terugvordering kinderopvangtoeslag A",
        effect="Schuld van 4.000 euro bij huishouden A",
        life_domain="financien",
    )
    case_services.plan_update(
        actor=worker_a,
        case=a,
        goal="Schuldenvrij A",
        own_contribution="Budgetcursus A",
        support_needed="Schuldhulp A",
    )
    case_services.note_add(actor=worker_a, case=a, text="Gesprek met Anna over post A")
    fund = make_fund(team_a, name="Potje", budget_cents=100_000)
    fund.debtor_iban = SHOP_IBAN
    fund.save()
    request = approved_request(fund, worker_a, a, 1)
    batch = lifecycle.batch_create(fund=fund, actor=worker_a)
    lifecycle.batch_mark_paid(batch=batch, actor=worker_a)
    b = CaseFactory(
        actor=worker_a,
        household_name="Huishouden Jansen",
        given_name="Bert",
        family_name="Jansen",
        bsn=BERT,
        question="Bert zoekt werk B",
    )
    case_services.note_add(actor=worker_a, case=b, text="Gesprek met Bert B")
    _address(a)
    _address(b)
    return {"a": a, "b": b, "request": request, "fund": fund}


def member(bsn_given_name) -> Member:
    return Member.objects.get(given_name=bsn_given_name)


def years_ago(years, days=1):
    now = timezone.now()
    return now.replace(year=now.year - years) - datetime.timedelta(days=days)
