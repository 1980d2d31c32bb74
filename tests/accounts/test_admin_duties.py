"""Separation of duties in /beheer/ (issue 11, finding 2): the functional administrator manages
other people's role and team, but can never make anyone (itself included) superuser or staff,
hand out groups or permissions, set a password, or change its own role, team or access. Every
change of role, team or access is in the audit trail."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from doorbraak.accounts.models import User
from doorbraak.privacy.models import AuditRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(client, settings):
    settings.DEBUG = True
    call_command("load_demo", "--force", stdout=StringIO())
    user = User.objects.get(username="demo-beheerder")
    client.force_login(user)
    return user


def change_url(user):
    return reverse("admin:accounts_user_change", args=[user.pk])


def post_everything(client, user, **values):
    """Post the change form with every field the page shows, plus the privileged ones an
    attacker would add by hand."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "organisation": user.organisation_id or "",
        "team": user.team_id or "",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [1],
        "user_permissions": [1, 2, 3],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "09:00:00",
        **values,
    }
    return client.post(change_url(user), data)


def test_the_user_form_shows_no_privileged_fields(client, beheerder):
    worker = User.objects.get(username="demo-gezinswerker")
    page = client.get(change_url(worker)).content.decode()
    for field in ("is_superuser", "is_staff", "groups", "user_permissions"):
        assert f'name="{field}"' not in page, field
    assert "/password/" not in page


def test_posting_privileges_by_hand_changes_nothing(client, beheerder):
    worker = User.objects.get(username="demo-gezinswerker")
    post_everything(client, worker, role="teamleider")
    worker.refresh_from_db()
    assert worker.role == "teamleider"  # what the beheerder may do
    assert not worker.is_superuser and not worker.is_staff
    assert not worker.groups.exists() and not worker.user_permissions.exists()
    assert AuditRecord.objects.filter(activity="gebruiker-beheren", object_id=str(worker.pk))


def test_the_beheerder_cannot_raise_or_move_itself(client, beheerder):
    role, team = beheerder.role, beheerder.team_id
    groups = set(beheerder.groups.values_list("pk", flat=True))
    post_everything(client, beheerder, role="teamleider", team=1)
    beheerder.refresh_from_db()
    assert not beheerder.is_superuser
    assert beheerder.role == role and beheerder.team_id == team
    assert set(beheerder.groups.values_list("pk", flat=True)) == groups
    assert not beheerder.user_permissions.exists()


def test_no_password_is_set_by_the_beheerder(client, beheerder):
    worker = User.objects.get(username="demo-gezinswerker")
    url = reverse("admin:auth_user_password_change", args=[worker.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url, {"password1": "Nieuw-wachtwoord-123", "password2": "Nieuw-wachtwoord-123"}
    )
    assert response.status_code == 403
    worker.refresh_from_db()
    assert worker.check_password("doorbraak")


def test_a_new_account_has_no_password_and_no_privileges(client, beheerder):
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "nieuwe-collega",
            "first_name": "Nieuwe",
            "last_name": "Collega",
            "role": "gezinswerker",
            "is_superuser": "on",
            "is_staff": "on",
            "password1": "Nieuw-wachtwoord-123",
            "password2": "Nieuw-wachtwoord-123",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="nieuwe-collega")
    assert not user.has_usable_password()
    assert not user.is_superuser and not user.is_staff
    assert AuditRecord.objects.filter(activity="gebruiker-beheren", object_id=str(user.pk))


def test_people_are_deactivated_not_deleted(client, beheerder):
    worker = User.objects.get(username="demo-gezinswerker")
    url = reverse("admin:accounts_user_delete", args=[worker.pk])
    assert client.get(url).status_code == 403
