"""Re-authentication before money actions above DOORBRAAK_REAUTH_ABOVE (issue 16, item 5):
marking a batch paid, downloading its SEPA file, making a batch and a yes vote."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone

from doorbraak.accounts import mfa, totp
from doorbraak.accounts.roles import Role
from doorbraak.funds.models import PaymentBatch
from doorbraak.privacy.models import AuditRecord
from doorbraak.proposals import lifecycle
from tests.approvals.test_flow import submit
from tests.factories import PASSWORD, UserFactory
from tests.funds.conftest import make_fund
from tests.funds.test_payment_handlers import DEBTOR

pytestmark = [pytest.mark.django_db, pytest.mark.mfa_enforced]

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # synthetic


@pytest.fixture
def world(team_a, worker_a):
    fund = make_fund(team_a, name="Minimaatwerkbudget A", debtor_iban=DEBTOR, budget_cents=900_000)
    leader = UserFactory(role=Role.TEAMLEIDER, team=team_a)
    colleagues = [UserFactory(team=team_a) for _ in range(3)]
    big = submit(worker_a, fund, "1500.00")
    for colleague in colleagues:
        lifecycle.vote_cast(actor=colleague, request=big, choice="ja")
    batch = lifecycle.batch_create(fund=fund, actor=leader)
    return fund, leader, batch, colleagues


def test_marking_a_large_batch_paid_asks_for_the_password_first(client, world):
    fund, leader, batch, _ = world
    client.force_login(leader)
    url = reverse("funds:batch-paid", args=[batch.pk])
    response = client.post(url)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:reauth"))
    batch.refresh_from_db()
    assert batch.status != "betaald"
    page = client.get(response.url)
    assert page.status_code == 200 and "Bevestig dat jij het bent" in page.content.decode()
    wrong = client.post(response.url, {"password": "nee"})
    assert wrong.status_code == 400 and "Dit wachtwoord klopt niet" in wrong.content.decode()
    right = client.post(response.url, {"password": PASSWORD})
    assert right.status_code == 302 and right.url == reverse("funds:detail", args=[fund.pk])
    assert client.post(url).status_code == 302
    batch.refresh_from_db()
    assert batch.status == "betaald"
    assert AuditRecord.objects.filter(action="reauthenticate", result="denied").exists()


def test_the_sepa_file_of_a_large_batch_asks_first(client, world):
    _fund, leader, batch, _ = world
    client.force_login(leader)
    url = reverse("funds:batch-file", args=[batch.pk, "csv"])
    assert client.get(url).url.startswith(reverse("accounts:reauth"))
    session = client.session
    session[mfa.REAUTH_AT] = int(time.time())
    session.save()
    assert client.get(url).status_code == 200


def test_the_confirmation_expires(client, world, settings):
    _fund, leader, batch, _ = world
    client.force_login(leader)
    session = client.session
    session[mfa.REAUTH_AT] = int(time.time()) - (settings.DOORBRAAK_REAUTH_VALID_MINUTES * 60 + 1)
    session.save()
    url = reverse("funds:batch-file", args=[batch.pk, "csv"])
    assert client.get(url).url.startswith(reverse("accounts:reauth"))


def test_below_the_threshold_nothing_is_asked(client, world, settings):
    _fund, leader, batch, _ = world
    settings.DOORBRAAK_REAUTH_ABOVE = 2000
    client.force_login(leader)
    assert client.get(reverse("funds:batch-file", args=[batch.pk, "csv"])).status_code == 200


def test_with_an_app_the_code_is_asked_too(client, world):
    _fund, leader, batch, _ = world
    mfa.demo_device(leader, SECRET, timezone.now())
    client.force_login(leader)
    session = client.session
    session[mfa.VERIFIED] = True
    session.save()
    response = client.post(reverse("funds:batch-paid", args=[batch.pk]))
    no_code = client.post(response.url, {"password": PASSWORD, "code": ""})
    assert no_code.status_code == 400
    code = totp.code_at(SECRET, totp.step_of(timezone.now()))
    ok = client.post(response.url, {"password": PASSWORD, "code": code})
    assert ok.status_code == 302
    assert AuditRecord.objects.filter(action="reauthenticate", result="ok").exists()


def test_a_yes_vote_on_a_large_request_asks_first(client, team_a, worker_a):
    fund = make_fund(team_a, name="Potje", debtor_iban=DEBTOR, budget_cents=900_000)
    voter = UserFactory(team=team_a)
    request = submit(worker_a, fund, "1500.00")
    client.force_login(voter)
    url = reverse("approvals:vote", args=[request.pk])
    response = client.post(url, {"choice": "ja"})
    assert response.url.startswith(reverse("accounts:reauth"))
    assert not request.votes.exists()
    client.post(response.url, {"password": PASSWORD})
    assert client.post(url, {"choice": "ja"}).status_code == 302
    assert request.votes.filter(approver=voter).exists()
    assert PaymentBatch.objects.count() == 0


@pytest.mark.parametrize(
    "given, shown",
    [
        ("1500.00", "€ 1.500,00"),
        ("NaN", None),
        ("sNaN", None),
        ("Infinity", None),
        ("-Infinity", None),
        ("1e999999", None),
        ("-5", None),
        ("abc", None),
        ("9" * 500, None),
    ],
)
def test_the_page_repeats_only_a_plain_amount(client, worker_a, given, shown):
    """?bedrag= comes from Doorbraak's own links; anything that is not a plain amount is left
    out of the page instead of failing it (NaN and 1e999999 gave HTTP 500)."""
    client.force_login(worker_a)
    page = client.get(reverse("accounts:reauth"), {"bedrag": given})
    text = page.content.decode()
    assert page.status_code == 200 and "Bevestig dat jij het bent" in text
    if shown:
        assert f"Met deze handeling gaat het om {shown}" in text
    else:
        assert "Met deze handeling gaat het om" not in text
