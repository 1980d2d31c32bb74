"""`doorbraak refresh_figures`: recount the dashboards' figures from the raw rows now
(reports/summary.py `refresh_all`), e.g. after loading data with COPY."""

from django.core.management.base import BaseCommand

from doorbraak.reports import summary


class Command(BaseCommand):
    help = "Telt de cijfers van de dashboards opnieuw uit de gegevens zelf."

    def handle(self, *args, **options):
        rows = summary.refresh_all()
        self.stdout.write(f"Cijfers bijgewerkt: {rows} regels.")
