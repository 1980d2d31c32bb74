"""The register of processing activities (AVG art. 30) covers every activity id, and the
functional administrator reads it in the app and as CSV; a processing without a known activity
id is refused and the attempt audited."""

import csv
import io
import uuid

import pytest
from django.urls import reverse

from doorbraak.accounts.roles import Role
from doorbraak.privacy import register
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord, Outcome, ProcessingRecord
from doorbraak.privacy.services import Origin, log_processing
from tests.factories import UserFactory


@pytest.mark.parametrize("activity", Activity.values)
def test_every_activity_has_a_complete_register_entry(activity):
    assert activity in register.ACTIVITY_PURPOSE, f"{activity} has no purpose in the register"
    purpose = register.PURPOSES[register.ACTIVITY_PURPOSE[activity]]
    for field in (
        "name",
        "purpose",
        "legal_ground",
        "data_subjects",
        "data_categories",
        "recipients",
        "retention",
    ):
        assert getattr(purpose, field).strip(), f"{purpose.code}: {field} is empty"
    assert "AVG art. 6" in purpose.legal_ground


def test_the_register_names_no_activity_that_does_not_exist():
    assert set(register.ACTIVITY_PURPOSE) <= set(Activity.values)


@pytest.fixture
def beheerder(db):
    return UserFactory(username="beheer", role=Role.BEHEERDER, is_staff=True)


@pytest.mark.django_db
def test_the_administrator_reads_the_register_and_the_look_is_audited(client, beheerder):
    client.force_login(beheerder)
    response = client.get(reverse("privacy:register"))
    assert response.status_code == 200
    assert "casus-raadplegen" in response.content.decode()
    audit = AuditRecord.objects.get(activity=Activity.REGISTER_VIEW)
    assert (audit.actor, audit.result) == (beheerder, Outcome.OK)


@pytest.mark.django_db
def test_the_register_as_csv_has_a_row_per_activity(client, beheerder):
    client.force_login(beheerder)
    response = client.get(reverse("privacy:register-csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + len(Activity.values)
    assert {r[0] for r in rows[1:]} == set(Activity.values)
    assert all(all(cell.strip() for cell in r) for r in rows)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["privacy:register", "privacy:register-csv", "privacy:history"])
def test_other_roles_are_refused_and_the_attempt_audited(client, worker_a, name):
    client.force_login(worker_a)
    assert client.get(reverse(name)).status_code == 403
    assert AuditRecord.objects.get().result == Outcome.DENIED


@pytest.mark.django_db
def test_a_processing_without_a_known_activity_is_refused_and_audited(worker_a):
    origin = Origin("a" * 32, "b" * 16, "", worker_a, "web 127.0.0.1")
    with pytest.raises(ValueError, match="processing refused"):
        log_processing(
            origin,
            activity="iets-onbekends",
            action="read",
            object_type="case",
            object_id=3,
            subject_ids=[uuid.uuid4()],
        )
    assert not ProcessingRecord.objects.exists()
    audit = AuditRecord.objects.get()
    assert (audit.activity, audit.result, audit.action) == (
        Activity.REFUSED,
        Outcome.DENIED,
        "read iets-onbekends",
    )
    assert (audit.actor, audit.object_id, audit.subject_count) == (worker_a, "3", 0)


@pytest.mark.django_db
def test_a_security_event_without_data_subjects_needs_no_activity():
    origin = Origin("a" * 32, "b" * 16, "", None, "web 10.0.0.1")
    log_processing(origin, activity="", action="login-address-locked", object_type="address")
    assert AuditRecord.objects.get().activity == ""
    with pytest.raises(ValueError, match="processing refused"):
        log_processing(
            origin, activity="", action="read", object_type="case", subject_ids=[uuid.uuid4()]
        )
    assert not ProcessingRecord.objects.exists()
