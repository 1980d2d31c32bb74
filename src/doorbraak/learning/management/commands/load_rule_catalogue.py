"""`doorbraak load_rule_catalogue`: add the starter rules (learning/starter.py) to the
organisations of their kind; existing rules are left as they are."""

from django.core.management.base import BaseCommand

from doorbraak.learning.starter import load_starter_rules


class Command(BaseCommand):
    help = "Voegt de startcatalogus van regels toe aan de organisaties van die soort."

    def handle(self, *args, **options):
        created = load_starter_rules()
        self.stdout.write(f"{created} regels toegevoegd aan de catalogus.")
