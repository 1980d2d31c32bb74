"""`doorbraak flag_overdue`: tell team leaders about requests nobody decided on in time.
Run it every hour from cron in the embedded setup; in production Celery beat sends the task
(approvals/tasks.py, settings.CELERY_BEAT_SCHEDULE)."""

from django.core.management.base import BaseCommand

from doorbraak.approvals.services import flag_overdue


class Command(BaseCommand):
    help = "Signaleert voorstellen waarover niet op tijd is besloten aan de teamleider."

    def handle(self, *args, **options):
        flagged = flag_overdue()
        self.stdout.write(f"{flagged} voorstel(len) gesignaleerd.")
