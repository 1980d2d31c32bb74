"""`manage.py rotate_bsn_key`: re-encrypt every BSN under the current field key (issue 16,
item 7; docs/privacy.md §7).

Set the new key as `DOORBRAAK_FIELD_ENCRYPTION_KEY`, raise
`DOORBRAAK_FIELD_ENCRYPTION_KEY_VERSION`, put the old key in
`DOORBRAAK_FIELD_ENCRYPTION_KEYS_OLD` (`{"1": "<old key>"}`), restart, then run this. It takes
the members of an older key version in id order, a batch per transaction (the rows locked,
SKIP LOCKED on PostgreSQL so the application keeps working), re-encrypts the BSN and
recomputes its search key in the same row update. It can be stopped and run again: what is
done is not done twice. While it runs a BSN search looks under both keys. When it reports
nothing left, remove the old key from the settings.

The TOTP secrets of the authenticator apps (`accounts.TOTPDevice`) are encrypted with the same
key; they do not record their key version, so after the BSNs every device whose secret the
current key cannot read is re-encrypted, a batch per transaction, in the same way (resumable:
a re-encrypted secret is read by the current key and skipped). Meanwhile a code is checked
against the secret read under any known key (`bsn_keys.decrypt_any`)."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from doorbraak.accounts.models import TOTPDevice
from doorbraak.cases.models import Member
from doorbraak.privacy import bsn_keys, keyed_hash
from doorbraak.privacy.services import log_processing, origin_from_context


def rotate_batch(size: int) -> int:
    """Re-key up to `size` members of an older key version; returns how many."""
    current = bsn_keys.current_version()
    with transaction.atomic():
        rows = (
            Member.objects.exclude(bsn_encrypted="")
            .exclude(bsn_key_version=current)
            .order_by("pk")
            .only("pk", "bsn_encrypted", "bsn_key_version")
        )
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        batch = list(rows[:size])
        for member in batch:
            member.bsn_encrypted, member.bsn_index = bsn_keys.rekeyed(
                member.bsn_encrypted, member.bsn_key_version
            )
            member.bsn_key_version = current
        Member.objects.bulk_update(batch, ["bsn_encrypted", "bsn_index", "bsn_key_version"])
        if batch:
            # A security event of the audit trail (no data subject is read or shown).
            log_processing(
                origin_from_context(origin="command rotate_bsn_key"),
                activity="",
                action="bsn-rekey",
                object_type="member",
                object_id=f"{batch[0].pk}-{batch[-1].pk}",
            )
    return len(batch)


def rotate_totp_batch(size: int, after: int = 0) -> tuple[int, int]:
    """Re-encrypt, under the current key, the TOTP secrets with an id above `after` (up to
    `size` devices looked at) that an older key made. Returns (devices looked at, re-encrypted):
    the caller goes on after the last id looked at."""
    current = bsn_keys.current_version()
    with transaction.atomic():
        rows = TOTPDevice.objects.filter(pk__gt=after).order_by("pk").only("pk", "encrypted_secret")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        batch = list(rows[:size])
        changed = []
        for device in batch:
            secret, version = bsn_keys.decrypt_any(device.encrypted_secret)
            if version != current:
                device.encrypted_secret = keyed_hash.encrypt(bsn_keys.key_of(current), secret)
                changed.append(device)
        TOTPDevice.objects.bulk_update(changed, ["encrypted_secret"])
        if changed:
            log_processing(
                origin_from_context(origin="command rotate_bsn_key"),
                activity="",
                action="totp-rekey",
                object_type="totp-device",
                object_id=f"{changed[0].pk}-{changed[-1].pk}",
            )
    return (batch[-1].pk if batch else after), len(changed)


def rotate_totp(size: int) -> int:
    """Every TOTP secret under the current key; returns how many were re-encrypted."""
    last, done = 0, 0
    while True:
        next_last, count = rotate_totp_batch(size, last)
        done += count
        if next_last == last:
            return done
        last = next_last


def totp_remaining() -> int:
    current = bsn_keys.current_version()
    return sum(
        1
        for token in TOTPDevice.objects.values_list("encrypted_secret", flat=True).iterator()
        if bsn_keys.decrypt_any(token)[1] != current
    )


def remaining() -> int:
    current = bsn_keys.current_version()
    return Member.objects.exclude(bsn_encrypted="").exclude(bsn_key_version=current).count()


class Command(BaseCommand):
    help = "Re-encrypt every BSN under the current field encryption key, in batches."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--dry-run", action="store_true", help="only count what is left")

    def handle(self, *args, batch_size, dry_run, **options):
        left = remaining()
        self.stdout.write(
            f"Sleutelversie {bsn_keys.current_version()}: {left} BSN's en "
            f"{totp_remaining()} TOTP-geheimen nog te versleutelen."
        )
        if dry_run:
            return
        done = 0
        while count := rotate_batch(batch_size):
            done += count
            self.stdout.write(f"{done} gedaan")
        self.stdout.write(f"Klaar: {done} BSN's opnieuw versleuteld, {remaining()} over.")
        totp = rotate_totp(batch_size)
        self.stdout.write(
            f"Klaar: {totp} TOTP-geheimen opnieuw versleuteld, {totp_remaining()} over."
        )
