"""The processing log and audit trail are written together: both or neither, on every
database (PostgreSQL writes them in one statement, others in one transaction)."""

import uuid

import pytest
from django.db import DataError, transaction

from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord, Outcome, ProcessingRecord
from doorbraak.privacy.services import Origin, log_processing, subject_pseudonym


def _origin(actor=None, parent="") -> Origin:
    return Origin("a" * 32, "b" * 16, parent, actor, "web 127.0.0.1")


@pytest.mark.django_db
def test_one_audit_record_and_one_processing_record_per_distinct_subject(worker_a):
    subjects = [uuid.uuid4(), uuid.uuid4()]
    log_processing(
        _origin(worker_a, parent="c" * 16),
        activity=Activity.CASE_VIEW,
        action="read",
        object_type="case",
        object_id=7,
        subject_ids=[subjects[0], subjects[1], subjects[0]],
    )
    audit = AuditRecord.objects.get()
    assert (audit.actor, audit.actor_label, audit.object_id) == (worker_a, worker_a.username, "7")
    assert (audit.subject_count, audit.result, audit.trace_id) == (2, Outcome.OK, "a" * 32)
    records = ProcessingRecord.objects.order_by("id")
    assert sorted(r.data_subject for r in records) == sorted(subject_pseudonym(s) for s in subjects)
    assert {(r.trace_id, r.span_id, r.parent_span_id, r.activity) for r in records} == {
        ("a" * 32, "b" * 16, "c" * 16, Activity.CASE_VIEW)
    }
    assert all(r.started_at == r.ended_at == audit.timestamp for r in records)


@pytest.mark.django_db
def test_without_subjects_only_the_audit_record_is_written():
    log_processing(
        _origin(),
        activity=Activity.CASE_VIEW,
        action="read",
        object_type="case",
        result=Outcome.DENIED,
    )
    audit = AuditRecord.objects.get()
    assert (audit.actor, audit.actor_label, audit.result) == (None, "anoniem", Outcome.DENIED)
    assert not ProcessingRecord.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_failing_processing_record_leaves_no_audit_record(worker_a):
    # Autocommit, no surrounding transaction: the write itself must be all or nothing.
    assert transaction.get_autocommit()
    with pytest.raises(DataError):
        log_processing(
            _origin(worker_a, parent="x" * 17),  # longer than the column allows
            activity=Activity.CASE_VIEW,
            action="read",
            object_type="case",
            subject_ids=[uuid.uuid4()],
        )
    assert not AuditRecord.objects.exists()
    assert not ProcessingRecord.objects.exists()
