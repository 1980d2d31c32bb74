"""`manage.py load_demo`: fill an empty database with a synthetic demo city (idempotent)."""

from django.conf import settings
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation

from doorbraak.demo import data
from doorbraak.demo.accounts import TOTP_SECRET


class Command(BaseCommand):
    help = "Laadt synthetische demodata: de verzonnen Gemeente Voorbeeldstad (demo)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook laden als DJANGO_DEBUG uit staat (alleen voor test en acceptatie).",
        )

    def handle(self, *args, **options):
        if not (settings.DEBUG or options["force"]):
            raise CommandError(
                "load_demo weigert zonder DJANGO_DEBUG=1: demo-accounts met een bekend wachtwoord "
                "horen niet in productie. Gebruik --force voor een test- of acceptatieomgeving."
            )
        # The demo's votes send e-mails (on commit). Keep them in memory: the console backend
        # of `make run` would print every one of them into the terminal.
        outbox = getattr(mail, "outbox", [])
        before = len(outbox)
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
            translation.override("nl"),
        ):
            with transaction.atomic():
                if data.demo_exists():
                    self.stdout.write(
                        f"Synthetische demodata bestaat al ({data.MUNICIPALITY}); niets gewijzigd."
                    )
                    return
                counts = data.build_demo()
            sent = len(getattr(mail, "outbox", [])) - before
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetische demodata geladen: {data.MUNICIPALITY}. "
                "Alle namen, BSN's en situaties zijn verzonnen."
            )
        )
        self.stdout.write(
            f"  {counts['organisations']} organisaties, {counts['neighbourhoods']} wijken, "
            f"{counts['teams']} teams, {counts['users']} gebruikers, "
            f"{counts['mandates']} mandaten\n"
            f"  {counts['households']} huishoudens met {counts['members']} leden "
            f"({counts['members_with_bsn']} met een synthetisch BSN)\n"
            f"  {counts['households']} casussen ({counts['closed_cases']} gesloten), "
            f"{counts['blockers']} knelpunten ({counts['resolved_blockers']} opgelost), "
            f"{counts['plans']} versies van ondersteuningsplannen, "
            f"{counts['requests']} maatwerkvoorstellen, {counts['escalations']} escalaties\n"
            f"  {counts['rules']} regels in de catalogus, {counts['signals']} signalen, "
            f"{counts['patterns']} kandidaatpatronen\n"
            f"  {sent} e-mails over stemmen klaargezet en niet verstuurd\n"
            f"Inloggen: demo-<rol> (bijvoorbeeld demo-gezinswerker), "
            f"wachtwoord '{data.PASSWORD}'.\n"
            f"demo-beheerder vraagt daarna een code uit een authenticator-app met het synthetische "
            f"geheim {TOTP_SECRET} (README, demo-accounts)."
        )
