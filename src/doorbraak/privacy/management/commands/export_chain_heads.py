"""`manage.py export_chain_heads [--file PATH]`: append the hash chains' heads, with a
timestamp, to a file outside the database (privacy/heads.py); `verify-log --heads PATH`
compares against it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doorbraak.privacy import heads


class Command(BaseCommand):
    help = "Append the chain heads of the processing log and audit trail to an export file."

    def add_arguments(self, parser):
        parser.add_argument("--file", help="default: DOORBRAAK_PRIVACY_HEADS_FILE")

    def handle(self, *args, file=None, **options):
        try:
            entry = heads.export_heads(Path(file) if file else None)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{len(entry['chains'])} chain heads exported at {entry['exported_at']}.")
