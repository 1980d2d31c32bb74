"""Two-step verification (issue 16, item 5): set-up with a QR code, recovery codes, the
verification after the password, replay refused, rate-limited, mandatory for the functional
administrator and every admin-site user; the idle timeout; the OIDC MFA claims."""

import datetime
import time

import pyotp
import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.accounts import mfa, totp
from doorbraak.accounts.models import RecoveryCode, TOTPDevice
from doorbraak.accounts.oidc import DoorbraakOIDCBackend, has_idp_mfa
from doorbraak.accounts.roles import Role
from doorbraak.privacy.models import AuditRecord
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.mfa_enforced]

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # synthetic


def code_now(secret=SECRET, offset_steps=0):
    return totp.code_at(secret, totp.step_of(timezone.now()) + offset_steps)


@pytest.fixture
def admin_user():
    return UserFactory(username="beheer", role=Role.BEHEERDER, is_staff=True)


@pytest.fixture
def enrolled(admin_user):
    mfa.demo_device(admin_user, SECRET, timezone.now())
    return admin_user


def password_login(client, user, next_url=""):
    data = {"username": user.username, "password": PASSWORD}
    url = reverse("login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, data)


# --- the pure rules ---------------------------------------------------------------------------


@pytest.mark.django_db(False)
@given(st.integers(min_value=1_000_000, max_value=90_000_000))
def test_a_code_is_accepted_once_for_its_step(step):
    now = datetime.datetime.fromtimestamp(step * 30 + 7, tz=datetime.UTC)
    code = totp.code_at(SECRET, step)
    assert totp.matching_step(SECRET, code, now=now, last_used_step=0) == step
    assert totp.matching_step(SECRET, code, now=now, last_used_step=step) is None


@pytest.mark.django_db(False)
def test_one_step_of_clock_drift_is_accepted_two_are_not():
    now = timezone.now()
    step = totp.step_of(now)
    assert totp.matching_step(SECRET, code_now(offset_steps=-1), now=now, last_used_step=0)
    assert totp.matching_step(SECRET, code_now(offset_steps=1), now=now, last_used_step=0)
    far = totp.code_at(SECRET, step - 3)
    if far not in {totp.code_at(SECRET, s) for s in (step - 1, step, step + 1)}:
        assert totp.matching_step(SECRET, far, now=now, last_used_step=0) is None


@pytest.mark.django_db(False)
def test_pyotp_apps_agree_with_our_codes():
    assert pyotp.TOTP(SECRET).now() in {code_now(), code_now(offset_steps=-1)}
    uri = totp.provisioning_uri(SECRET, "beheer")
    assert uri.startswith("otpauth://totp/Doorbraak:beheer?") and f"secret={SECRET}" in uri


@pytest.mark.django_db(False)
def test_recovery_codes_are_random_and_hashed_with_a_key():
    codes = totp.new_recovery_codes()
    assert len(set(codes)) == 10 and all(len(c) == 10 for c in codes)
    assert totp.recovery_hash("k", codes[0]) == totp.recovery_hash("k", codes[0].upper())
    assert totp.recovery_hash("k", codes[0]) != totp.recovery_hash("other", codes[0])


# --- mandatory for the functional administrator and admin-site users ----------------------------


@pytest.mark.parametrize(
    "kwargs", [{"role": Role.BEHEERDER}, {"role": Role.GEZINSWERKER, "is_staff": True}]
)
def test_without_an_app_every_page_leads_to_the_set_up(client, kwargs):
    user = UserFactory(**kwargs)
    client.force_login(user)
    for url in ["/", "/casussen/", "/beheer/", "/potjes/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:mfa-setup")), url
    assert client.get("/api/v1/cases/").status_code == 403


def test_set_up_with_qr_code_wrong_code_then_right_code(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("accounts:mfa-setup"))
    body = page.content.decode()
    assert page.status_code == 200 and "<svg" in body and "Tweestapsverificatie instellen" in body
    device = TOTPDevice.objects.get(user=admin_user)
    secret = mfa.secret_of(device)
    assert totp.grouped(secret) in body
    assert secret not in device.encrypted_secret  # encrypted at rest
    wrong = client.post(reverse("accounts:mfa-setup"), {"code": "000000"})
    if code_now(secret) != "000000":
        assert wrong.status_code == 400
        assert "Deze code klopt niet" in wrong.content.decode()
    right = client.post(reverse("accounts:mfa-setup"), {"code": code_now(secret)})
    assert right.status_code == 302
    codes_page = client.get(right.url)
    codes = [c for c in codes_page.content.decode().split("<code>")[1:]]
    assert len(codes) == 10 and "Je herstelcodes" in codes_page.content.decode()
    assert RecoveryCode.objects.filter(user=admin_user).count() == 10
    # Shown once only.
    again = client.get(reverse("accounts:mfa-setup"))
    assert "Je herstelcodes" not in again.content.decode()
    assert client.get("/").status_code == 200
    assert AuditRecord.objects.filter(action="mfa-enrol", result="ok").exists()


def test_password_login_goes_on_to_the_code(client, enrolled):
    response = password_login(client, enrolled)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:mfa-verify"))
    assert client.get("/").url.startswith(reverse("accounts:mfa-verify"))
    wrong = client.post(reverse("accounts:mfa-verify"), {"code": "12345"})
    assert wrong.status_code == 400 and "Deze code klopt niet" in wrong.content.decode()
    right = client.post(reverse("accounts:mfa-verify"), {"code": code_now()})
    assert right.status_code == 302 and right.url == reverse("home:start")
    assert client.get("/").status_code == 200


def test_a_replayed_code_is_refused(client, enrolled):
    code = code_now()
    password_login(client, enrolled)
    assert client.post(reverse("accounts:mfa-verify"), {"code": code}).status_code == 302
    client.post(reverse("logout"))
    password_login(client, enrolled)
    replay = client.post(reverse("accounts:mfa-verify"), {"code": code})
    assert replay.status_code == 400
    assert "Deze code is al gebruikt" in replay.content.decode()
    assert client.get("/").status_code == 302
    assert AuditRecord.objects.filter(action="mfa-verify", result="denied").exists()


def test_a_recovery_code_works_once(client, enrolled):
    code = mfa.recovery_codes_renew(enrolled)[0]
    password_login(client, enrolled)
    assert client.post(reverse("accounts:mfa-verify"), {"code": code}).status_code == 302
    client.post(reverse("logout"))
    password_login(client, enrolled)
    again = client.post(reverse("accounts:mfa-verify"), {"code": code})
    assert again.status_code == 400 and "al gebruikt" in again.content.decode()
    assert RecoveryCode.objects.filter(user=enrolled, used_at__isnull=True).count() == 9


def test_five_wrong_codes_block_even_the_right_one(client, enrolled):
    password_login(client, enrolled)
    good = code_now()
    bad = next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in _valid_now())
    for _ in range(5):
        client.post(reverse("accounts:mfa-verify"), {"code": bad})
    blocked = client.post(reverse("accounts:mfa-verify"), {"code": good})
    assert blocked.status_code == 400 and "Te veel verkeerde codes" in blocked.content.decode()
    device = TOTPDevice.objects.get(user=enrolled)
    device.last_failure_at = timezone.now() - datetime.timedelta(hours=1)
    device.save()
    assert client.post(reverse("accounts:mfa-verify"), {"code": good}).status_code == 302


def _valid_now():
    return {code_now(offset_steps=d) for d in (-1, 0, 1)}


def test_others_may_use_it_and_are_encouraged(client, worker_a):
    client.force_login(worker_a)
    start = client.get("/")
    assert start.status_code == 200
    assert "tweestapsverificatie" in start.content.decode().lower()
    mfa.demo_device(worker_a, SECRET, timezone.now())
    client.post(reverse("logout"))
    assert password_login(client, worker_a).url.startswith(reverse("accounts:mfa-verify"))
    client.post(reverse("accounts:mfa-verify"), {"code": code_now()})
    assert "Bescherm je account" not in client.get("/").content.decode()


# --- idle timeout ---------------------------------------------------------------------------------


def test_idle_session_is_logged_out_with_a_dutch_message(client, worker_a, settings):
    client.force_login(worker_a)
    assert client.get("/").status_code == 200
    session = client.session
    session[mfa.LAST_SEEN] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/casussen/")
    assert response.status_code == 302 and "verlopen=1" in response.url
    login_page = client.get(response.url).content.decode()
    assert "omdat je 30 minuten niets hebt gedaan" in login_page
    assert "_auth_user_id" not in client.session


def test_an_active_session_stays(client, worker_a):
    client.force_login(worker_a)
    session = client.session
    session[mfa.LAST_SEEN] = int(time.time()) - 29 * 60
    session.save()
    assert client.get("/").status_code == 200
    assert client.session[mfa.LAST_SEEN] >= int(time.time()) - 5


# --- OIDC -----------------------------------------------------------------------------------------


@pytest.mark.django_db(False)
@pytest.mark.parametrize(
    ("claims", "ok"),
    [
        ({"amr": ["pwd", "mfa"]}, True),
        ({"amr": ["pwd", "otp"]}, True),
        ({"amr": ["pwd"]}, False),
        ({"acr": "urn:example:mfa"}, False),
        ({}, False),
    ],
)
def test_oidc_needs_the_identity_providers_second_factor(claims, ok):
    assert has_idp_mfa(claims) is ok


@pytest.mark.django_db(False)
def test_oidc_acr_values_are_configurable(settings):
    settings.OIDC_MFA_ACR_VALUES = ["urn:example:mfa"]
    assert has_idp_mfa({"acr": "urn:example:mfa"})
    backend = DoorbraakOIDCBackend.__new__(DoorbraakOIDCBackend)
    settings.OIDC_USERNAME_CLAIM = "preferred_username"
    assert not backend.verify_claims({"preferred_username": "a", "amr": ["pwd"]})
    assert backend.verify_claims({"preferred_username": "a", "acr": "urn:example:mfa"})
    settings.OIDC_REQUIRE_MFA = False
    assert backend.verify_claims({"preferred_username": "a"})
