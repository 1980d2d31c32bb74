"""API tokens with the web's second factor and re-authentication (issue 16, item 5):
a token for the functional administrator and admin-site users needs a TOTP code; money actions
over the API above DOORBRAAK_REAUTH_ABOVE need a token issued within
DOORBRAAK_REAUTH_VALID_MINUTES, as the web needs a recent confirmation."""

import datetime

import pyotp
import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from doorbraak.accounts import mfa
from doorbraak.accounts.roles import Role
from doorbraak.privacy.models import AuditRecord
from tests.accounts.test_reauth import world  # noqa: F401 - the fixture
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.mfa_enforced]

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # synthetic
URL = "/api/v1/auth/token/"


def ask(user, **extra):
    return APIClient().post(URL, {"username": user.username, "password": PASSWORD, **extra})


@pytest.fixture
def beheerder(db):
    return UserFactory(username="beheer", role=Role.BEHEERDER, is_staff=True)


def test_a_worker_without_an_app_gets_a_token_with_the_password(worker_a):
    response = ask(worker_a)
    assert response.status_code == 200 and response.json()["token"]


def test_the_administrator_without_an_app_is_refused(beheerder):
    response = ask(beheerder)
    assert response.status_code == 400
    assert response.json()["code"] == ["Stel eerst tweestapsverificatie in."]
    assert not Token.objects.filter(user=beheerder).exists()


def test_the_administrator_needs_a_right_code_once(beheerder):
    mfa.demo_device(beheerder, SECRET, timezone.now())
    missing = ask(beheerder)
    assert missing.status_code == 400 and "code" in missing.json()
    wrong = ask(beheerder, code="000000" if pyotp.TOTP(SECRET).now() != "000000" else "111111")
    assert wrong.status_code == 400 and "token" not in wrong.json()
    code = pyotp.TOTP(SECRET).now()
    right = ask(beheerder, code=code)
    assert right.status_code == 200 and right.json()["token"]
    replayed = ask(beheerder, code=code)
    assert replayed.status_code == 400 and "token" not in replayed.json()
    results = list(AuditRecord.objects.filter(action="api-token").values_list("result", flat=True))
    assert sorted(results) == ["denied", "denied", "ok"]


def test_a_worker_with_an_app_needs_a_code_too(worker_a):
    mfa.demo_device(worker_a, SECRET, timezone.now())
    assert ask(worker_a).status_code == 400
    assert ask(worker_a, code=pyotp.TOTP(SECRET).now()).status_code == 200


def test_asking_again_keeps_the_key_and_renews_the_time(worker_a):
    first = ask(worker_a).json()["token"]
    Token.objects.filter(key=first).update(created=timezone.now() - datetime.timedelta(hours=2))
    assert ask(worker_a).json()["token"] == first
    assert timezone.now() - Token.objects.get(key=first).created < datetime.timedelta(minutes=1)


def _token_client(user, age_minutes=0):
    key = ask(user).json()["token"]
    Token.objects.filter(key=key).update(
        created=timezone.now() - datetime.timedelta(minutes=age_minutes)
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_large_batch_over_the_api_needs_a_recent_token(world, settings):  # noqa: F811
    _fund, leader, batch, _ = world
    old = _token_client(leader, settings.DOORBRAAK_REAUTH_VALID_MINUTES + 1)
    for method, path in [
        ("get", f"/api/v1/payment-batches/{batch.pk}/csv/"),
        ("get", f"/api/v1/payment-batches/{batch.pk}/pain001/"),
        ("post", f"/api/v1/payment-batches/{batch.pk}/mark-paid/"),
    ]:
        response = getattr(old, method)(path)
        assert response.status_code == 403, path
        assert "nieuw token" in response.json()["detail"]
    batch.refresh_from_db()
    assert batch.status != "betaald"
    fresh = _token_client(leader)
    assert fresh.get(f"/api/v1/payment-batches/{batch.pk}/csv/").status_code == 200
    assert fresh.post(f"/api/v1/payment-batches/{batch.pk}/mark-paid/").status_code == 200


def test_below_the_threshold_an_old_token_is_enough(world, settings):  # noqa: F811
    _fund, leader, batch, _ = world
    settings.DOORBRAAK_REAUTH_ABOVE = 2000
    old = _token_client(leader, 60)
    assert old.get(f"/api/v1/payment-batches/{batch.pk}/csv/").status_code == 200


def test_a_yes_vote_on_a_large_request_needs_a_recent_token(world, team_a, worker_a):  # noqa: F811
    from tests.approvals.test_flow import submit

    fund, _leader, _batch, colleagues = world
    big = submit(worker_a, fund, "1200.00")
    old = _token_client(colleagues[0], 60)
    url = f"/api/v1/approvals/{big.pk}/vote/"
    refused = old.post(url, {"choice": "ja"}, format="json")
    assert refused.status_code == 403
    assert not big.votes.exists()
    assert old.post(url, {"choice": "nee", "comment": "Past niet."}, format="json").status_code in (
        200,
        400,
    )
    fresh = _token_client(colleagues[1])
    assert fresh.post(url, {"choice": "ja"}, format="json").status_code == 200
