import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from doorbraak.accounts.roles import Role
from doorbraak.approvals.models import ApprovalPolicy
from doorbraak.funds import ledger
from doorbraak.funds.models import Fund
from tests.factories import UserFactory
from tests.funds.conftest import make_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(client):
    user = UserFactory(username="beheer", role=Role.BEHEERDER, is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["funds", "approvals"])
    )
    client.force_login(user)
    return user


def test_a_fund_made_in_the_admin_has_its_budget_on_the_ledger(client, beheerder, team_a):
    policy = make_policy()
    response = client.post(
        reverse("admin:funds_fund_add"),
        {
            "name": "Voorkom Erger Potje",
            "owner_team": team_a.pk,
            "programme": "",
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
            "total_budget": "3000.00",
            "ceiling_per_request": "",
            "ceiling_per_household": "",
            "debtor_name": "Gemeente",
            "debtor_iban": "",
            "debtor_bic": "",
            "approval_policy": policy.pk,
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    fund = Fund.objects.get(name="Voorkom Erger Potje")
    assert ledger.balances(fund.pk).available == 300_000


def test_changing_a_policy_in_the_admin_makes_a_new_version(client, beheerder):
    policy = make_policy(name="Drie keer ja")
    response = client.post(
        reverse("admin:approvals_approvalpolicy_change", args=[policy.pk]),
        {
            "name": "Drie keer ja",
            "pool": "team",
            "quorum": "4",
            "role_rules": "[]",
            "veto_roles": "[]",
            "no_rule": "threshold",
            "no_threshold": "2",
            "decide_within_hours": "24",
            "versions-TOTAL_FORMS": "1",
            "versions-INITIAL_FORMS": "1",
            "versions-MIN_NUM_FORMS": "0",
            "versions-MAX_NUM_FORMS": "1000",
            "versions-0-id": policy.versions.get().pk,
            "versions-0-policy": policy.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    policy = ApprovalPolicy.objects.get(pk=policy.pk)
    assert policy.version == 2
    assert [v.snapshot["quorum"] for v in policy.versions.order_by("version")] == [3, 4]


def test_the_ledger_is_read_only_in_the_admin(client, beheerder, team_a):
    from tests.funds.conftest import make_fund

    make_fund(team_a)
    page = client.get(reverse("admin:funds_ledgertransaction_changelist")).content.decode()
    assert "allocate:" in page
    assert client.get(reverse("admin:funds_ledgertransaction_add")).status_code == 403
