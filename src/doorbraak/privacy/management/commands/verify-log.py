"""`manage.py verify-log` (or `doorbraak verify-log`): proves the hash chains of the processing
log and the audit trail and names the first broken link. Exit code 0 when every chain holds,
1 at a break (for monitoring)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from doorbraak.privacy.heads import check_heads
from doorbraak.privacy.verify import verify_log


class Command(BaseCommand):
    help = "Verify the hash chains of the processing log and the audit trail."

    def add_arguments(self, parser):
        parser.add_argument(
            "--heads",
            help="also compare with the chain heads exported to this file (export_chain_heads)",
        )

    def handle(self, *args, heads=None, **options):
        report = verify_log()
        rows = sum(report.checked.values())
        chains = len(report.checked)
        if not report.ok:
            self.stderr.write(f"BROKEN: {report.first_break}")
            self.stderr.write(f"({rows} records in {chains} chains read up to the break)")
            sys.exit(1)
        self.stdout.write(f"OK: {rows} records in {chains} chains verified.")
        if heads:
            problems = check_heads(Path(heads))
            if problems:
                self.stderr.write(f"BROKEN: {problems[0]}")
                self.stderr.write(f"({len(problems)} exported heads do not match)")
                sys.exit(1)
            self.stdout.write(f"OK: the database has every head exported to {heads}.")
