"""One password tried over many accounts from one address is stopped (issue 11, finding 10):
a per-address limit over any usernames, next to django-axes' per username+address lockout."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from doorbraak.privacy.models import AuditRecord, Outcome
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("limit_of_ten")]

SPRAYER, COLLEAGUE = "203.0.113.7", "198.51.100.4"
GUESS = "Zomer2026!"
REFUSED = "Te veel mislukte inlogpogingen vanaf dit netwerkadres"


@pytest.fixture
def limit_of_ten():
    with override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=10, AXES_FAILURE_LIMIT=5):
        yield


def login(client, username, password, address):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def spray(client, users, address=SPRAYER):
    return [login(client, user.username, GUESS, address).status_code for user in users]


def test_one_password_over_many_accounts_is_stopped(client):
    users = UserFactory.create_batch(14)
    statuses = spray(client, users)
    assert statuses[:9] == [200] * 9  # "wrong password", per account only one failure
    assert statuses[9:] == [429] * 5  # the tenth failure from this address refuses it
    # Refused for everyone from that address now, also with the right password.
    target = UserFactory()
    response = login(client, target.username, PASSWORD, SPRAYER)
    assert response.status_code == 429 and REFUSED in response.content.decode()
    assert "_auth_user_id" not in client.session
    token = APIClient().post(
        "/api/v1/auth/token/",
        {"username": target.username, "password": PASSWORD},
        format="json",
        REMOTE_ADDR=SPRAYER,
    )
    assert token.status_code != 200 and "token" not in token.content.decode()
    # Written down once, at the moment the address was refused.
    records = AuditRecord.objects.filter(action="login-address-locked")
    assert [(r.object_id, r.result) for r in records] == [(SPRAYER, Outcome.DENIED)]


def test_another_address_still_logs_in(client):
    users = UserFactory.create_batch(12)
    spray(client, users)
    response = login(client, users[0].username, PASSWORD, COLLEAGUE)
    assert response.status_code == 302 and response.url == reverse("home:start")


def test_below_the_limit_nothing_is_refused(client):
    users = UserFactory.create_batch(9)
    assert spray(client, users) == [200] * 9
    assert login(client, users[0].username, PASSWORD, SPRAYER).status_code == 302


def test_the_address_is_let_in_again_after_the_cool_off(client, settings):
    users = UserFactory.create_batch(10)
    spray(client, users)
    assert login(client, users[0].username, PASSWORD, SPRAYER).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(minutes=1)
    )
    assert login(client, users[0].username, PASSWORD, SPRAYER).status_code == 302


def test_zero_switches_the_address_limit_off(client):
    users = UserFactory.create_batch(12)
    with override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=0):
        assert spray(client, users) == [200] * 12
        assert login(client, users[0].username, PASSWORD, SPRAYER).status_code == 302
