"""Asking for a document and making it. `document_request` checks the user may see the object
and queues the job after commit; `document_render` (the job) renders it as that user — whose
access is checked again — and is safe to run twice; `documents_delete_old` removes documents
after a day."""

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import InterfaceError, OperationalError, transaction
from django.http import Http404
from django.utils import timezone

from doorbraak.privacy.services import log_processing, origin_from_context

from .kinds import KINDS, render_pdf
from .models import Document, DocumentKind, DocumentStatus

logger = logging.getLogger(__name__)

#: How long a made document can be downloaded.
KEEP = datetime.timedelta(days=1)


def document_request(*, actor, kind: str, object_id: int) -> Document:
    """Raises Http404 when the kind is unknown or the actor may not see the object."""
    if kind not in KINDS:
        raise Http404
    KINDS[DocumentKind(kind)].find(actor, object_id)
    with transaction.atomic():
        document = Document.objects.create(kind=kind, object_id=object_id, requested_by=actor)
        from .tasks import render_document

        # robust: the request is recorded once committed; should sending (or, without Redis,
        # running) the job fail, it is logged and the document stays waiting, to be sent again
        # (`documents_requeue_waiting`), instead of the person getting an error page
        transaction.on_commit(lambda: render_document.delay(document.pk), robust=True)
    return document


def document_render(pk: int) -> str:
    """Make the PDF of document `pk`; returns its status. A finished document is left alone.

    The work runs in a savepoint: a statement that fails in there (the processing-log write
    included) is rolled back to it, and the row is still written as "failed" with the error's
    name. A lost connection, a deadlock or a serialization failure is raised instead, with the
    row untouched, so the job is retried (`tasks.render_document`)."""
    with transaction.atomic():
        document = (
            Document.objects.select_for_update(of=("self",))
            .select_related("requested_by")
            .get(pk=pk)
        )
        if document.status != DocumentStatus.WAITING:
            return document.status
        kind = KINDS[DocumentKind(document.kind)]
        try:
            with transaction.atomic():
                target = kind.find(document.requested_by, document.object_id)
                filename, html = kind.html(target)
                content = render_pdf(html)
                # The job reads the case's data as the person who asked: logged (issue 16).
                log_processing(
                    origin_from_context(actor=document.requested_by, origin="task"),
                    activity=kind.activity,
                    action="render",
                    object_type=kind.object_type,
                    object_id=document.object_id,
                    subject_ids=kind.subjects(target),
                )
        except Http404:
            document.status, document.error = DocumentStatus.FAILED, "not visible"
        except (OperationalError, InterfaceError):
            raise
        except Exception as error:  # noqa: BLE001 - recorded on the row, shown as "failed"
            logger.exception("document %s not made", pk)
            document.status, document.error = DocumentStatus.FAILED, type(error).__name__
        else:
            document.file.save(filename, ContentFile(content), save=False)
            document.filename = filename
            document.status = DocumentStatus.READY
        document.finished_at = timezone.now()
        document.save()
        return document.status


def documents_requeue_waiting(now: datetime.datetime | None = None, limit: int = 500) -> list[int]:
    """Send the job again for documents still waiting `settings.DOCUMENT_REQUEUE_AFTER`
    seconds after they were asked for (at most `limit`, oldest first): their message was lost.
    That happens when the web process dies between the commit and sending the job, or when a
    worker is killed between taking a message from Redis and recording it as unacknowledged
    (the scale test saw one of twelve). The job is safe to run twice, so a message that was
    only slow costs one look at the row. Returns the documents' ids."""
    now = now or timezone.now()
    late = now - datetime.timedelta(seconds=settings.DOCUMENT_REQUEUE_AFTER)
    ids = list(
        Document.objects.filter(
            status=DocumentStatus.WAITING, created_at__lt=late, created_at__gte=now - KEEP
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    from .tasks import render_document

    for pk in ids:
        logger.warning("document %s still waiting: its job is sent again", pk)
        render_document.delay(pk)
    return ids


def documents_delete_old(now: datetime.datetime | None = None) -> int:
    """Delete documents (and their files) requested more than a day ago."""
    old = list(Document.objects.filter(created_at__lt=(now or timezone.now()) - KEEP))
    for document in old:
        if document.file:
            document.file.delete(save=False)
    Document.objects.filter(pk__in=[d.pk for d in old]).delete()
    return len(old)
