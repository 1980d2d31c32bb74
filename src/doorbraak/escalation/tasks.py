"""Background jobs of the escalation route. Each wraps a service and is safe to run twice."""

from celery import shared_task

from . import reminders


@shared_task(name="doorbraak.escalation.tasks.remind_due_actions", once_per_slot=True)
def remind_due_actions() -> int:
    """Every morning (and again at noon, for actions made due since): e-mail the owners of
    follow-up actions due today or overdue; once per action per day, so a repeated or retried
    run sends nothing twice."""
    return reminders.actions_remind_due()


@shared_task(name="doorbraak.escalation.tasks.flag_overdue_escalations", once_per_slot=True)
def flag_overdue_escalations() -> int:
    """Every morning: tell whoever escalated an item that its level passed the target time
    without a decision; once per escalation, so a repeated or retried run sends nothing twice."""
    return reminders.escalations_flag_overdue()
