"""`doorbraak recompute_patterns`: find the patterns again over all blockers and signals in
the window (learning/matching.py `recompute_patterns`). Confirmed and dismissed patterns stay."""

from django.core.management.base import BaseCommand, CommandError

from doorbraak.learning import grouping
from doorbraak.learning.matching import parameters, recompute_patterns

MESSAGES = {
    "min_cases": "Het minimum aantal casussen (--min-cases) moet een geheel getal van minstens "
    "2 zijn: één casus is geen patroon.",
    "window_months": "De periode (--window-months) moet minstens 1 maand zijn.",
    "threshold": "De gelijkenis (--similarity) moet groter dan 0 en hoogstens 1 zijn.",
}


class Command(BaseCommand):
    help = "Zoekt alle patronen opnieuw (kandidaten); bevestigde en afgewezen patronen blijven."

    def add_arguments(self, parser):
        parser.add_argument("--min-cases", type=int, default=None)
        parser.add_argument("--window-months", type=int, default=None)
        parser.add_argument("--similarity", type=float, default=None)

    def handle(self, *args, **options):
        try:
            params = parameters(
                min_cases=options["min_cases"],
                window_months=options["window_months"],
                threshold=options["similarity"],
            )
        except grouping.ParameterError as error:
            raise CommandError(MESSAGES[error.code]) from None
        result = recompute_patterns(params=params)
        self.stdout.write(
            f"{result['found']} kandidaatpatronen gevonden "
            f"({result['removed']} oude kandidaten opnieuw berekend)."
        )
