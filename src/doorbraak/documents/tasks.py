"""Background jobs for documents: render one PDF, and delete the old ones every night."""

from celery import shared_task

from . import services


@shared_task(name="doorbraak.documents.tasks.render_document")
def render_document(pk: int) -> str:
    return services.document_render(pk)


@shared_task(name="doorbraak.documents.tasks.delete_old_documents", once_per_slot=True)
def delete_old_documents() -> int:
    return services.documents_delete_old()
