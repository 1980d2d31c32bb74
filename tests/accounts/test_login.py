import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from doorbraak.accounts.models import Mandate, Organisation
from doorbraak.accounts.oidc import DoorbraakOIDCBackend
from doorbraak.accounts.queries import mandates_active_on
from doorbraak.accounts.roles import Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_login_with_local_account(client, worker_a):
    response = client.post(reverse("login"), {"username": worker_a.username, "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("home:start")


def test_wrong_password_shows_dutch_message(client, worker_a):
    response = client.post(reverse("login"), {"username": worker_a.username, "password": "nee"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_lockout_after_five_failures_even_with_the_right_password(client, worker_a):
    for _ in range(5):
        client.post(reverse("login"), {"username": worker_a.username, "password": "fout"})
    response = client.post(reverse("login"), {"username": worker_a.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failed_token_requests_count_toward_lockout(worker_a):
    api = APIClient()
    for _ in range(5):
        api.post(
            "/api/v1/auth/token/",
            {"username": worker_a.username, "password": "fout"},
            format="json",
        )
    response = api.post(
        "/api/v1/auth/token/", {"username": worker_a.username, "password": PASSWORD}, format="json"
    )
    assert response.status_code != 200 and "token" not in response.content.decode()


def test_functional_administrator_manages_people_in_dutch_admin(client, team_a):
    admin_user = UserFactory(username="beheer", role=Role.BEHEERDER, is_staff=True)
    group = Group.objects.create(name="Functioneel beheer")
    group.permissions.set(Permission.objects.filter(content_type__app_label="accounts"))
    admin_user.groups.add(group)
    client.force_login(admin_user)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Doorbraak beheer" in index and "Mandaatregister" in index
    page = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Selecteer" in page  # Django's Dutch admin
    response = client.post(
        reverse("admin:accounts_organisation_add"),
        {"name": "Woonstichting Nieuw (test)", "kind": "woningcorporatie"},
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(name="Woonstichting Nieuw (test)").exists()


def test_professional_has_no_admin_access(client, worker_a):
    client.force_login(worker_a)
    assert client.get(reverse("admin:index")).status_code == 302


def test_mandate_register_active_period(worker_a):
    org = Organisation.objects.create(name="Gemeente Test", kind="gemeente")
    day = datetime.date(2026, 6, 1)
    current = Mandate.objects.create(
        holder=worker_a,
        organisation=org,
        scope="Opvang",
        max_amount=Decimal("5000.00"),
        granted_by="Wethouder",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2026, 12, 31),
    )
    Mandate.objects.create(
        holder=worker_a,
        organisation=org,
        scope="Verlopen",
        granted_by="Wethouder",
        valid_from=datetime.date(2025, 1, 1),
        valid_until=datetime.date(2025, 12, 31),
    )
    assert list(mandates_active_on(day)) == [current]
    assert current.is_active_on(day) and not current.is_active_on(datetime.date(2027, 1, 1))


def test_mandate_period_and_amount_are_checked_by_the_database(worker_a):
    org = Organisation.objects.create(name="Gemeente Test", kind="gemeente")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mandate.objects.create(
            holder=worker_a,
            organisation=org,
            scope="x",
            granted_by="y",
            valid_from=datetime.date(2026, 2, 1),
            valid_until=datetime.date(2026, 1, 1),
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Mandate.objects.create(
            holder=worker_a,
            organisation=org,
            scope="x",
            granted_by="y",
            valid_from=datetime.date(2026, 2, 1),
            max_amount=Decimal("-1"),
        )
    mandate = Mandate(
        holder=worker_a,
        organisation=org,
        scope="x",
        granted_by="y",
        valid_from=datetime.date(2026, 2, 1),
        valid_until=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError):
        mandate.full_clean()


@override_settings(
    OIDC_USERNAME_CLAIM="preferred_username",
    OIDC_RP_CLIENT_ID="doorbraak",
    OIDC_RP_CLIENT_SECRET="x",
    OIDC_OP_TOKEN_ENDPOINT="https://idp.invalid/t",
    OIDC_OP_USER_ENDPOINT="https://idp.invalid/u",
    OIDC_RP_SIGN_ALGO="HS256",
)
def test_oidc_maps_the_username_claim_to_an_existing_account(worker_a):
    backend = DoorbraakOIDCBackend()
    assert list(backend.filter_users_by_claims({"preferred_username": "WORKER-A"})) == [worker_a]
    assert not backend.filter_users_by_claims({"preferred_username": "onbekend"}).exists()
    assert not backend.filter_users_by_claims({"email": "x@example.org"}).exists()
    assert backend.verify_claims({"preferred_username": "worker-a", "amr": ["pwd", "mfa"]})
    assert not backend.verify_claims({"preferred_username": "worker-a"})  # no MFA at the IdP
    assert not backend.verify_claims({"email": "x@example.org", "amr": ["mfa"]})
    worker_a.is_active = False
    worker_a.save()
    assert not backend.filter_users_by_claims({"preferred_username": "worker-a"}).exists()


@override_settings(
    OIDC_USERNAME_CLAIM="upn",
    OIDC_RP_CLIENT_ID="doorbraak",
    OIDC_RP_CLIENT_SECRET="x",
    OIDC_OP_TOKEN_ENDPOINT="https://idp.invalid/t",
    OIDC_OP_USER_ENDPOINT="https://idp.invalid/u",
    OIDC_RP_SIGN_ALGO="HS256",
)
def test_oidc_reads_the_username_from_the_verified_id_token(monkeypatch, worker_a):
    """Entra ID's userinfo lacks `upn`; the ID token has it."""
    from mozilla_django_oidc.auth import OIDCAuthenticationBackend

    monkeypatch.setattr(
        OIDCAuthenticationBackend,
        "get_userinfo",
        lambda self, access, id_token, payload: {"sub": "abc", "name": "W A"},
    )
    backend = DoorbraakOIDCBackend()
    claims = backend.get_userinfo("access", "id-token", {"upn": "worker-a", "sub": "abc"})
    assert claims["upn"] == "worker-a" and claims["name"] == "W A"
    assert list(backend.filter_users_by_claims(claims)) == [worker_a]
