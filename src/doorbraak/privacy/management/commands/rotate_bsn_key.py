"""`manage.py rotate_bsn_key`: re-encrypt every BSN under the current field key (issue 16,
item 7; docs/privacy.md §7).

Set the new key as `DOORBRAAK_FIELD_ENCRYPTION_KEY`, raise
`DOORBRAAK_FIELD_ENCRYPTION_KEY_VERSION`, put the old key in
`DOORBRAAK_FIELD_ENCRYPTION_KEYS_OLD` (`{"1": "<old key>"}`), restart, then run this. It takes
the members of an older key version in id order, a batch per transaction (the rows locked,
SKIP LOCKED on PostgreSQL so the application keeps working), re-encrypts the BSN and
recomputes its search key in the same row update. It can be stopped and run again: what is
done is not done twice. While it runs a BSN search looks under both keys. When it reports
nothing left, remove the old key from the settings."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from doorbraak.cases.models import Member
from doorbraak.privacy import bsn_keys
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
            f"Sleutelversie {bsn_keys.current_version()}: {left} BSN's nog te versleutelen."
        )
        if dry_run:
            return
        done = 0
        while count := rotate_batch(batch_size):
            done += count
            self.stdout.write(f"{done} gedaan")
        self.stdout.write(f"Klaar: {done} BSN's opnieuw versleuteld, {remaining()} over.")
