"""The privacy officer's view of one person's processing history, by BSN or case number."""

import pytest
from django.urls import reverse

from doorbraak.accounts.roles import Role
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord, Outcome, ProcessingRecord
from doorbraak.privacy.services import subject_pseudonym
from tests.factories import CaseFactory, UserFactory

BSN = "999990019"  # synthetic, passes the 11-check


@pytest.fixture
def beheerder(db):
    return UserFactory(username="beheer", role=Role.BEHEERDER, is_staff=True)


@pytest.fixture
def viewed_case(client, worker_a):
    case = CaseFactory(actor=worker_a, members=2, bsn=BSN)
    client.force_login(worker_a)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 200
    client.logout()
    return case


@pytest.mark.django_db
def test_history_by_bsn_lists_who_processed_the_person(client, beheerder, worker_a, viewed_case):
    client.force_login(beheerder)
    response = client.get(reverse("privacy:history"), {"bsn": BSN})
    assert response.status_code == 200
    rows = response.context["rows"]
    assert rows
    assert {r.actor for r in rows} == {worker_a.username}
    assert Activity.CASE_VIEW in {r.record.activity for r in rows}
    subject = viewed_case.household.members.order_by("id").first().subject_id
    assert {r.record.data_subject for r in rows} == {subject_pseudonym(subject)}
    # the look itself is logged, with that person as data subject
    audit = AuditRecord.objects.filter(activity=Activity.HISTORY_VIEW).get()
    assert (audit.actor, audit.object_id, audit.subject_count) == (beheerder, "bsn", 1)
    assert ProcessingRecord.objects.filter(
        activity=Activity.HISTORY_VIEW, data_subject=subject_pseudonym(subject)
    ).exists()


@pytest.mark.django_db
def test_history_by_case_covers_every_member(client, beheerder, viewed_case):
    client.force_login(beheerder)
    response = client.get(reverse("privacy:history"), {"case": f"C-{viewed_case.pk:06d}"})
    members = {str(m.subject_id) for m in viewed_case.household.members.all()}
    assert len(response.context["subjects"]) == len(members) == 2
    shown = {r.record.data_subject for r in response.context["rows"]}
    assert shown <= {subject_pseudonym(m) for m in members}


@pytest.mark.django_db
def test_history_finds_records_under_an_old_pseudonym_key(client, beheerder, viewed_case, settings):
    old_key = settings.PSEUDONYM_KEY
    settings.PSEUDONYM_KEYS_OLD = {1: old_key}
    settings.PSEUDONYM_KEY, settings.PSEUDONYM_KEY_VERSION = "a-new-pseudonym-key", 2
    client.force_login(beheerder)
    response = client.get(reverse("privacy:history"), {"bsn": BSN})
    assert {r.record.key_version for r in response.context["rows"]} == {1}
    assert ProcessingRecord.objects.filter(key_version=2).exists()  # the look, under the new key


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"bsn": "123456789"}, "bsn", "11-proef"),
        ({"case": "abc"}, "case", "C-000123"),
        ({"case": "C-999999"}, "case", "Er is geen casus"),
        ({"bsn": "", "case": ""}, None, "BSN of een casusnummer"),
    ],
)
def test_bad_input_is_refused_with_a_dutch_message(client, beheerder, params, field, message):
    client.force_login(beheerder)
    response = client.get(reverse("privacy:history"), params, HTTP_ACCEPT_LANGUAGE="nl")
    form = response.context["form"]
    errors = form.errors[field] if field else form.non_field_errors()
    assert message in " ".join(errors)
    assert response.context["rows"] is None
    assert AuditRecord.objects.get().result == Outcome.DENIED
