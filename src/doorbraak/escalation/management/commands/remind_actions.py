"""`doorbraak remind_actions`: e-mail the owners of follow-up actions due today or overdue, and
whoever escalated an item whose level passed its target time. Run it every morning from cron
in the embedded setup; in production Celery beat sends the tasks (escalation/tasks.py,
settings.CELERY_BEAT_SCHEDULE)."""

from django.core.management.base import BaseCommand

from doorbraak.escalation.reminders import actions_remind_due, escalations_flag_overdue


class Command(BaseCommand):
    help = (
        "Stuurt een herinnering voor vervolgacties die vandaag of eerder af moesten zijn, en "
        "voor escalaties die over hun streeftijd heen zijn."
    )

    def handle(self, *args, **options):
        sent = actions_remind_due()
        told = escalations_flag_overdue()
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
        self.stdout.write(f"{told} escalatie(s) over de streeftijd gemeld.")
