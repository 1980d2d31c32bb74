"""Retention and destruction from the command line.

    manage.py retention                         # dry run: what is due, counts per kind
    manage.py retention propose --kind sociaal-domein --user beheerder1
    manage.py retention confirm 12 --user beheerder2
    manage.py retention destroy                 # refused: a second person must confirm

Proposing and confirming are the same services as the pages (four eyes: the confirming
functional administrator must be another than the one who proposed)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from doorbraak.accounts.models import User
from doorbraak.subjectrights import retention
from doorbraak.subjectrights.models import DestructionProposal


def _messages(error) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error.args[0] if error.args else error)


class Command(BaseCommand):
    help = (
        "Bewaartermijnen: lijst wat vernietigd kan worden, stel vernietiging voor of bevestig die."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "action", nargs="?", default="list", choices=["list", "propose", "confirm", "destroy"]
        )
        parser.add_argument("proposal", nargs="?", type=int)
        parser.add_argument("--kind", default="")
        parser.add_argument("--user", default="")

    def handle(self, *args, action, proposal, kind, user, **options):
        if action == "list":
            return self._list()
        if action == "destroy":
            try:
                retention.refuse_unconfirmed()
            except PermissionDenied as error:
                raise CommandError(_messages(error)) from None
        actor = User.objects.filter(username=user).first()
        if actor is None:
            raise CommandError("Geef met --user de gebruikersnaam van een functioneel beheerder.")
        origin = retention.command_origin(actor)
        try:
            if action == "propose":
                done = retention.propose(actor=actor, origin=origin, kind=kind)
                self.stdout.write(
                    f"Voorstel {done.pk}: {len(done.case_ids)} casussen ({done.kind}, "
                    f"{done.term_years} jaar). Een andere beheerder bevestigt met: "
                    f"retention confirm {done.pk} --user <naam>"
                )
            else:
                found = DestructionProposal.objects.filter(pk=proposal).first()
                if found is None:
                    raise CommandError("Dit vernietigingsvoorstel bestaat niet.")
                done = retention.confirm(actor=actor, origin=origin, proposal=found)
                self.stdout.write(f"Vernietigd (voorstel {done.pk}): {done.counts}")
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(_messages(error)) from None

    def _list(self):
        counts = retention.due_counts()
        for kind, term in retention.terms().items():
            self.stdout.write(
                f"{kind}: {counts[kind]} casussen te vernietigen "
                f"(termijn {term.years} jaar na afsluiten; bron: {term.source})"
            )
        self.stdout.write("Droogloop: er is niets vernietigd.")
