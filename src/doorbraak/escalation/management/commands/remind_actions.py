"""`doorbraak remind_actions`: e-mail the owners of follow-up actions due today or overdue.
Run it every morning from cron in the embedded setup; in production Celery beat sends the task
(escalation/tasks.py, settings.CELERY_BEAT_SCHEDULE)."""

from django.core.management.base import BaseCommand

from doorbraak.escalation.reminders import actions_remind_due


class Command(BaseCommand):
    help = "Stuurt een herinnering voor vervolgacties die vandaag of eerder af moesten zijn."

    def handle(self, *args, **options):
        sent = actions_remind_due()
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
