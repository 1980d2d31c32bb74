"""PDFs as background jobs: asked for on a page, made by the job as the person who asked
(their access checked again), downloaded only by them, logged as an export, and deleted after
a day. Without a broker the job runs at commit (the embedded setup and these tests)."""

import datetime

import pytest
from django.utils import timezone

from doorbraak.documents import services
from doorbraak.documents.models import Document, DocumentStatus
from doorbraak.let import services as let
from doorbraak.privacy.models import AuditRecord
from tests.let.conftest import SUMMARY, to_let

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(worker_a, leader, student_case, duo_blocker, duo):
    at_let = to_let(worker_a, leader, student_case, duo_blocker)
    return let.submit(
        actor=worker_a, escalation=at_let, summary=SUMMARY, question="Vraag?", organisations=[duo]
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def ask(client, submission):
    return client.post(
        "/documenten/nieuw/", {"kind": "let-voorlegging", "object": str(submission.pk)}
    )


def test_the_let_pdf_is_made_by_the_job_and_downloaded_by_who_asked(
    client, regie, submission, worker_b, django_capture_on_commit_callbacks
):
    from django.template.loader import render_to_string

    client.force_login(regie)
    page = client.get(f"/let/{submission.pk}/")
    assert 'name="kind" value="let-voorlegging"' in page.text
    with django_capture_on_commit_callbacks(execute=True):
        asked = ask(client, submission)
    document = Document.objects.get()
    assert asked.status_code == 302 and asked["Location"] == f"/documenten/{document.pk}/"
    assert document.status == DocumentStatus.READY and document.requested_by == regie
    detail = client.get(asked["Location"])
    assert f"/documenten/{document.pk}/download/" in detail.text
    download = client.get(f"/documenten/{document.pk}/download/")
    content = b"".join(download.streaming_content)
    assert download.status_code == 200 and content.startswith(b"%PDF")
    assert f'filename="{submission.reference}.pdf"' in download["Content-Disposition"]
    assert AuditRecord.objects.filter(activity="let-exporteren", action="export").count() == 1
    html = render_to_string("let/submission_pdf.html", {"submission": submission})
    assert "Jansen" not in html and "inburgeringstermijn" in html
    client.force_login(worker_b)  # someone else: not their document, not their case
    assert client.get(f"/documenten/{document.pk}/").status_code == 404
    assert client.get(f"/documenten/{document.pk}/download/").status_code == 404
    assert ask(client, submission).status_code == 404
    assert Document.objects.count() == 1
    assert AuditRecord.objects.filter(activity="let-exporteren", result="denied").exists()


def test_unknown_kinds_and_ids_are_refused(client, regie, submission):
    client.force_login(regie)
    assert client.post("/documenten/nieuw/", {"kind": "x", "object": "1"}).status_code == 404
    bad = client.post("/documenten/nieuw/", {"kind": "let-voorlegging", "object": "1.5"})
    assert bad.status_code == 404
    assert client.get("/documenten/nieuw/").status_code == 405
    assert not Document.objects.exists()


def test_the_job_checks_access_again_and_runs_once(regie, worker_b, submission):
    allowed = Document.objects.create(
        kind="let-voorlegging", object_id=submission.pk, requested_by=regie
    )
    assert services.document_render(allowed.pk) == DocumentStatus.READY
    name = Document.objects.get(pk=allowed.pk).file.name
    assert services.document_render(allowed.pk) == DocumentStatus.READY  # again: untouched
    assert Document.objects.get(pk=allowed.pk).file.name == name
    lost = Document.objects.create(
        kind="let-voorlegging", object_id=submission.pk, requested_by=worker_b
    )
    assert services.document_render(lost.pk) == DocumentStatus.FAILED
    assert not Document.objects.get(pk=lost.pk).file


def test_documents_are_deleted_after_a_day(regie, submission):
    document = Document.objects.create(
        kind="let-voorlegging", object_id=submission.pk, requested_by=regie
    )
    services.document_render(document.pk)
    path = Document.objects.get(pk=document.pk).file.path
    assert services.documents_delete_old() == 0
    later = timezone.now() + datetime.timedelta(days=1, minutes=1)
    assert services.documents_delete_old(later) == 1
    assert not Document.objects.exists()
    import os

    assert not os.path.exists(path)


def test_a_failed_statement_in_the_job_marks_the_document_failed(regie, submission, monkeypatch):
    """A statement that fails inside the job (here the processing-log write) leaves the
    transaction usable: the document is written as failed, with the error's name, and no file
    (before, the row's own save hit `InFailedSqlTransaction` and it waited for ever)."""
    from django.db import DataError, connection

    def broken_log(*args, **kwargs):
        with connection.cursor() as cursor:
            # PostgreSQL: DataError, and the transaction is aborted
            cursor.execute("SELECT CAST('x' AS integer)")
        raise DataError("SQLite casts it quietly")

    monkeypatch.setattr(services, "log_processing", broken_log)
    document = Document.objects.create(
        kind="let-voorlegging", object_id=submission.pk, requested_by=regie
    )
    assert services.document_render(document.pk) == DocumentStatus.FAILED
    stored = Document.objects.get(pk=document.pk)
    assert stored.status == DocumentStatus.FAILED and stored.error == "DataError"
    assert not stored.file and stored.finished_at is not None


def test_a_lost_connection_leaves_the_document_waiting_for_the_retry(
    regie, submission, monkeypatch
):
    from django.db import OperationalError

    from doorbraak.documents.tasks import render_document

    def lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "log_processing", lost)
    document = Document.objects.create(
        kind="let-voorlegging", object_id=submission.pk, requested_by=regie
    )
    with pytest.raises(OperationalError):
        services.document_render(document.pk)
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.WAITING
    assert OperationalError in render_document.autoretry_for and render_document.max_retries
    monkeypatch.undo()
    assert services.document_render(document.pk) == DocumentStatus.READY


def test_without_a_broker_a_retry_runs_at_once_and_the_page_never_fails(
    client, regie, submission, monkeypatch, django_capture_on_commit_callbacks
):
    """Without Redis (`make run`) the job runs at commit. A locked database on the first
    tries is retried there and then, as a worker would (it gave HTTP 500 when two PDFs were
    asked for at once); one that never gets through is logged, the person still gets the
    document's page, and the document waits for the sweep."""
    from django.db import OperationalError

    real, calls = services.log_processing, []

    def locked_twice(*args, **kwargs):
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError("database is locked")
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "log_processing", locked_twice)
    client.force_login(regie)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, submission)
    assert response.status_code == 302 and len(calls) == 3
    assert Document.objects.get().status == DocumentStatus.READY

    def always_locked(*args, **kwargs):
        calls.append(1)
        raise OperationalError("database is locked")

    calls.clear()
    monkeypatch.setattr(services, "log_processing", always_locked)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, submission)
    from doorbraak.documents.tasks import render_document

    assert response.status_code == 302 and len(calls) == render_document.max_retries + 1
    waiting = Document.objects.latest("pk")
    assert waiting.status == DocumentStatus.WAITING and response.url.endswith(f"/{waiting.pk}/")


def test_a_document_whose_job_was_lost_is_sent_again(regie, submission, settings):
    """The sweep (a beat task every minute) sends the job again for a document still waiting
    after DOCUMENT_REQUEUE_AFTER seconds; a fresh one, a finished one and a day-old one are
    left alone. Without a broker the job runs at once."""
    settings.DOCUMENT_REQUEUE_AFTER = 300
    now = timezone.now()

    def waiting(age):
        document = Document.objects.create(
            kind="let-voorlegging", object_id=submission.pk, requested_by=regie
        )
        Document.objects.filter(pk=document.pk).update(created_at=now - age)
        return document.pk

    lost = waiting(datetime.timedelta(minutes=6))
    fresh = waiting(datetime.timedelta(minutes=1))
    stale = waiting(datetime.timedelta(days=2))
    done = waiting(datetime.timedelta(minutes=10))
    Document.objects.filter(pk=done).update(status=DocumentStatus.FAILED)
    assert services.documents_requeue_waiting(now) == [lost]
    statuses = dict(Document.objects.values_list("pk", "status"))
    assert statuses[lost] == DocumentStatus.READY
    assert statuses[fresh] == statuses[stale] == DocumentStatus.WAITING
    assert statuses[done] == DocumentStatus.FAILED
    assert services.documents_requeue_waiting(now) == []
