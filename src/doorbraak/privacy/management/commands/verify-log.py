"""`manage.py verify-log` (or `doorbraak verify-log`): proves the hash chains of the processing
log and the audit trail and names the first broken link. Exit code 0 when every chain holds,
1 at a break (for monitoring)."""

import sys

from django.core.management.base import BaseCommand

from doorbraak.privacy.verify import verify_log


class Command(BaseCommand):
    help = "Verify the hash chains of the processing log and the audit trail."

    def handle(self, *args, **options):
        report = verify_log()
        rows = sum(report.checked.values())
        chains = len(report.checked)
        if report.ok:
            self.stdout.write(f"OK: {rows} records in {chains} chains verified.")
            return
        self.stderr.write(f"BROKEN: {report.first_break}")
        self.stderr.write(f"({rows} records in {chains} chains read up to the break)")
        sys.exit(1)
