"""Background jobs of the reports. Each wraps a service and is safe to run twice."""

from celery import shared_task

from . import summary


@shared_task(name="doorbraak.reports.tasks.refresh_figures", once_per_slot=True)
def refresh_figures() -> int:
    """Every night: recount the dashboards' figures from the raw rows, repairing whatever a
    path that changed a request without telling the figures left behind."""
    return summary.refresh_all()
