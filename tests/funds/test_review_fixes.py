"""Regressions found in review: withdrawal after batching, what goes on a bank transfer,
which funds the API shows, invalid policies in the admin, the SEPA download, the request
form's fund field, and the requester's notifications."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from rest_framework.test import APIClient

from doorbraak.accounts.roles import Role
from doorbraak.approvals.models import ApprovalPolicy, Notification
from doorbraak.funds.models import LedgerTransaction
from doorbraak.proposals import lifecycle
from doorbraak.proposals.forms import RequestForm
from tests.approvals.test_flow import SHOP_IBAN, submit
from tests.factories import CaseFactory, UserFactory
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(team_a, worker_a):
    fund = make_fund(team_a, name="Minimaatwerkbudget", budget_cents=100_000)
    fund.debtor_iban = SHOP_IBAN
    fund.save()
    voters = [UserFactory(username=f"v{i}", team=team_a) for i in range(3)]
    case = CaseFactory(actor=worker_a, family_name="Zeldenrust")
    request = submit(worker_a, fund, "90.00", case=case, solution="Bed voor mevrouw Zeldenrust")
    for voter in voters:
        lifecycle.vote_cast(actor=voter, request=request, choice="ja")
    request.refresh_from_db()
    return fund, request


def test_withdrawal_is_refused_once_the_payment_is_in_a_batch(approved, worker_a):
    fund, request = approved
    lifecycle.batch_create(fund=fund, actor=worker_a)
    with pytest.raises(lifecycle.MoneyConflict):
        lifecycle.request_withdraw(actor=worker_a, request=request, reason="Toch niet")
    request.refresh_from_db()
    assert request.status == "goedgekeurd"


def test_no_household_text_on_the_transfer_or_in_the_ledger(approved):
    _fund, request = approved
    order = request.payment_orders.get()
    assert order.remittance == f"{request.reference} {request.category}"
    assert not any("Zeldenrust" in t.memo for t in LedgerTransaction.objects.all())


def test_api_shows_only_the_team_and_shared_funds(team_a, team_b, worker_a, worker_b):
    own = make_fund(team_a, name="Potje A")
    make_fund(team_b, name="Potje B")
    api = APIClient()
    api.force_authenticate(worker_a)
    names = {f["name"] for f in api.get("/api/v1/funds/").json()["results"]}
    assert names == {own.name}


def test_an_invalid_policy_is_a_form_error_not_a_crash(client):
    user = UserFactory(username="beheer", role=Role.BEHEERDER, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="approvals"))
    client.force_login(user)
    response = client.post(
        reverse("admin:approvals_approvalpolicy_add"),
        {
            "name": "Fout",
            "pool": "team",
            "quorum": "3",
            "no_rule": "threshold",
            "role_rules": '[{"above": "5000", "roles": []}]',
            "veto_roles": "[]",
            "no_threshold": "2",
            "decide_within_hours": "48",
            "versions-TOTAL_FORMS": "0",
            "versions-INITIAL_FORMS": "0",
            "versions-MIN_NUM_FORMS": "0",
            "versions-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert not ApprovalPolicy.objects.filter(name="Fout").exists()


def test_sepa_download_with_a_bad_account_explains_instead_of_crashing(
    client, team_a, approved, worker_a
):
    fund, _request = approved
    leader = UserFactory(username="leider", role=Role.TEAMLEIDER, team=team_a)
    batch = lifecycle.batch_create(fund=fund, actor=leader)
    fund.debtor_iban = "NL00BROKEN"
    fund.save()
    client.force_login(leader)
    response = client.get(reverse("funds:batch-file", args=[batch.pk, "xml"]))
    assert response.status_code == 302


def test_request_form_offers_the_team_funds(team_a, worker_a):
    make_fund(team_a, name="Minimaatwerkbudget")
    form = RequestForm(case=CaseFactory(actor=worker_a))
    assert "fund" in [field.name for field in form.solution_fields()]
    assert [f.name for f in form.fields["fund"].queryset] == ["Minimaatwerkbudget"]


def test_opening_the_request_clears_the_requesters_notifications(client, approved, worker_a):
    _fund, request = approved
    assert Notification.objects.filter(user=worker_a, read_at__isnull=True).exists()
    client.force_login(worker_a)
    client.get(reverse("proposals:detail", args=[request.pk]))
    assert not Notification.objects.filter(
        user=worker_a, request=request, read_at__isnull=True
    ).exists()


def test_demo_administrator_manages_funds_and_policies():
    from django.core.management import call_command

    from doorbraak.accounts.models import User

    call_command("load_demo", "--force", verbosity=0)
    admin_user = User.objects.get(username="demo-beheerder")
    for perm in [
        "funds.change_fund",
        "approvals.change_approvalpolicy",
        "approvals.change_approvalgroup",
        "funds.view_ledgertransaction",
    ]:
        assert admin_user.has_perm(perm), perm
    assert not admin_user.has_perm("funds.change_ledgertransaction")
