"""Background jobs for documents: render one PDF, send the job again for a document whose
message was lost, and delete the old ones every night."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import services


@shared_task(
    name="doorbraak.documents.tasks.render_document",
    # a lost connection, a deadlock or a serialization failure: the row is untouched, try again
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    max_retries=5,
)
def render_document(pk: int) -> str:
    return services.document_render(pk)


@shared_task(name="doorbraak.documents.tasks.delete_old_documents", once_per_slot=True)
def delete_old_documents() -> int:
    return services.documents_delete_old()


@shared_task(name="doorbraak.documents.tasks.requeue_waiting_documents", once_per_slot=True)
def requeue_waiting_documents() -> int:
    return len(services.documents_requeue_waiting())
