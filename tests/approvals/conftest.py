import pytest

from doorbraak.accounts.roles import Role
from doorbraak.approvals.models import ApprovalGroup
from tests.factories import UserFactory
from tests.funds.conftest import make_fund, make_policy


@pytest.fixture
def herstelpotje(team_a, worker_a):
    roles = {
        "gezinswerker-2": Role.GEZINSWERKER,
        "gezinswerker-3": Role.GEZINSWERKER,
        "wi": Role.INKOMENSCONSULENT,
        "manager": Role.TEAMLEIDER,
        "projectleider": Role.PROJECTLEIDER,
        "manager-wi": Role.MANAGER_WI,
    }
    people = {
        name: UserFactory(username=name, role=role, team=None) for name, role in roles.items()
    }
    group = ApprovalGroup.objects.create(name="Herstelpotje Utrecht")
    group.members.set([worker_a, *people.values()])
    policy = make_policy(
        name="Toeslagenherstelpotje",
        pool="groep",
        group=group,
        quorum=3,
        role_rules=[
            {
                "above": "5000.00",
                "roles": ["gezinswerker", "teamleider", "projectleider", "manager-wi"],
            }
        ],
        veto_roles=["inkomensconsulent"],
    )
    fund = make_fund(team_a, name="Toeslagenherstelpotje", budget_cents=5_000_000, policy=policy)
    return fund, people
