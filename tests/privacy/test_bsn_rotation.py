"""Rotation of the field (BSN) encryption key (issue 16, item 7; docs/privacy.md §7): during
the rotation a BSN is found and read under the old and the new key; `rotate_bsn_key`
re-encrypts in batches and can be run again; afterwards only the new key matches."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from doorbraak.cases import queries, services
from doorbraak.cases.models import Member
from doorbraak.privacy import keyed_hash
from doorbraak.privacy.management.commands.rotate_bsn_key import remaining, rotate_batch
from doorbraak.privacy.models import AuditRecord
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

BSN = "999990019"  # synthetic, passes the 11-check
NEW_KEY = Fernet.generate_key().decode()


def found(user) -> set[int]:
    return {c.pk for c in queries.cases_by_bsn_index(user, services.bsn_search_keys(BSN))}


@pytest.fixture
def rotating(settings, worker_a):
    """Two cases of one person under key 1, then the new key 2 configured, the old kept."""
    old_key = settings.FIELD_ENCRYPTION_KEY
    cases = [CaseFactory(actor=worker_a, members=1, bsn=BSN) for _ in range(2)]
    settings.FIELD_ENCRYPTION_KEY = NEW_KEY
    settings.FIELD_ENCRYPTION_KEY_VERSION = 2
    settings.FIELD_ENCRYPTION_KEYS_OLD = {"1": old_key}
    return old_key, cases


def test_during_the_rotation_both_keys_find_and_read_the_bsn(rotating, worker_a):
    old_key, cases = rotating
    newer = CaseFactory(actor=worker_a, members=1, bsn=BSN)  # registered under key 2
    assert newer.household.members.get().bsn_key_version == 2
    assert rotate_batch(1) == 1  # half way: one of the old rows re-keyed
    versions = sorted(Member.objects.values_list("bsn_key_version", flat=True))
    assert versions == [1, 2, 2]
    assert found(worker_a) == {cases[0].pk, cases[1].pk, newer.pk}
    assert {m.bsn for m in Member.objects.all()} == {BSN}
    assert remaining() == 1


def test_after_the_rotation_only_the_new_key_matches(rotating, settings, worker_a):
    old_key, cases = rotating
    out = StringIO()
    call_command("rotate_bsn_key", "--batch-size", "1", stdout=out)
    assert "Klaar: 2" in out.getvalue() and remaining() == 0
    call_command("rotate_bsn_key", stdout=out)  # run again: nothing left to do
    assert "Klaar: 0" in out.getvalue()
    settings.FIELD_ENCRYPTION_KEYS_OLD = {}  # the old key removed from the settings
    assert found(worker_a) == {c.pk for c in cases}
    assert {m.bsn for m in Member.objects.all()} == {BSN}
    old_index = keyed_hash.blind_index(old_key, BSN)
    assert not Member.objects.filter(bsn_index=old_index).exists()
    for member in Member.objects.all():
        with pytest.raises(Exception):  # noqa: B017 - Fernet's InvalidToken
            keyed_hash.decrypt(old_key, member.bsn_encrypted)
    assert AuditRecord.objects.filter(action="bsn-rekey").count() == 2


def test_a_dry_run_changes_nothing(rotating):
    out = StringIO()
    call_command("rotate_bsn_key", "--dry-run", stdout=out)
    assert "2 BSN's en 0 TOTP-geheimen nog te versleutelen" in out.getvalue()
    assert remaining() == 2


def test_a_row_of_an_unknown_key_version_is_refused(rotating, settings):
    settings.FIELD_ENCRYPTION_KEYS_OLD = {}  # the old key dropped too early
    with pytest.raises(LookupError):
        rotate_batch(10)
    assert remaining() == 2


def test_the_totp_secrets_are_re_encrypted_too_and_work_throughout(settings, worker_a):
    """The TOTP secrets (accounts.TOTPDevice) share the field key: during the rotation a code
    is checked against the secret under either key; `rotate_bsn_key` re-encrypts them under
    the new key, resumably; afterwards the old key can go."""
    from doorbraak.accounts import mfa
    from doorbraak.accounts.models import TOTPDevice
    from doorbraak.privacy.management.commands.rotate_bsn_key import (
        rotate_totp_batch,
        totp_remaining,
    )
    from tests.factories import UserFactory

    old_key = settings.FIELD_ENCRYPTION_KEY
    devices = [mfa.enrolment_start(UserFactory(username=f"totp-{i}")) for i in range(3)]
    secrets = {d.pk: mfa.secret_of(d) for d in devices}
    settings.FIELD_ENCRYPTION_KEY, settings.FIELD_ENCRYPTION_KEY_VERSION = NEW_KEY, 2
    settings.FIELD_ENCRYPTION_KEYS_OLD = {"1": old_key}
    assert {d.pk: mfa.secret_of(d) for d in TOTPDevice.objects.all()} == secrets
    assert totp_remaining() == 3
    last, changed = rotate_totp_batch(2)  # stopped half way
    assert (last, changed) == (devices[1].pk, 2) and totp_remaining() == 1
    out = StringIO()
    call_command("rotate_bsn_key", stdout=out)  # run again: the rest
    assert "Klaar: 1 TOTP-geheimen" in out.getvalue() and totp_remaining() == 0
    assert AuditRecord.objects.filter(action="totp-rekey").count() == 2
    settings.FIELD_ENCRYPTION_KEYS_OLD = {}  # the old key removed from the settings
    assert {d.pk: mfa.secret_of(d) for d in TOTPDevice.objects.all()} == secrets
    for device in TOTPDevice.objects.all():
        assert keyed_hash.decrypt(NEW_KEY, device.encrypted_secret) == secrets[device.pk]
