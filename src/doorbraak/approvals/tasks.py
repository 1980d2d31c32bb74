"""Background jobs of approvals. Each wraps a service and is safe to run twice."""

from celery import shared_task

from . import services


@shared_task(name="doorbraak.approvals.tasks.flag_overdue", once_per_slot=True)
def flag_overdue() -> int:
    """Hourly: tell team leaders about requests nobody decided on in time (once per request,
    so a repeated or retried run flags nothing twice)."""
    return services.flag_overdue()
