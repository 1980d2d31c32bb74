"""The processing log and the audit trail are hash-chained and append-only (decision 0013):
`verify-log` proves the chains and names the first broken link."""

import threading
import uuid

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from doorbraak.privacy import chain
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord, ChainHead, ProcessingRecord
from doorbraak.privacy.services import Origin, log_processing
from doorbraak.privacy.verify import verify_log


def _write(n=1, subjects=2, actor=None):
    for _ in range(n):
        log_processing(
            Origin("a" * 32, "b" * 16, "", actor, "web 127.0.0.1"),
            activity=Activity.CASE_VIEW,
            action="read",
            object_type="case",
            object_id=1,
            subject_ids=[uuid.uuid4() for _ in range(subjects)],
        )


def _tamper(sql, params=()):
    """A direct database edit, past the append-only trigger (as a superuser would)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute(sql, params)
        finally:
            if connection.vendor == "postgresql":
                cursor.execute("SET session_replication_role = origin")


@pytest.mark.django_db
def test_records_are_linked_in_seq_order_from_the_genesis(worker_a):
    _write(3, subjects=2, actor=worker_a)
    audits = list(AuditRecord.objects.order_by("seq"))
    assert [a.seq for a in audits] == [1, 2, 3]
    assert audits[0].prev_hash == chain.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(audits, audits[1:], strict=False))
    records = list(ProcessingRecord.objects.order_by("seq"))
    assert [r.seq for r in records] == [1, 2, 3, 4, 5, 6]
    assert records[-1].hash == ChainHead.objects.get(chain=records[-1].chain).processing_hash
    report = verify_log()
    assert report.ok
    assert sum(report.checked.values()) == 9


@pytest.mark.django_db
def test_the_hash_is_over_the_canonical_serialisation_of_the_fields(worker_a):
    _write(1, subjects=1, actor=worker_a)
    audit = AuditRecord.objects.get()
    expected = chain.link(chain.GENESIS, chain.record_digest(audit, chain.AUDIT_FIELDS))
    assert audit.hash == expected


@pytest.mark.django_db
def test_verify_log_command_passes_on_an_intact_log(capsys):
    _write(2)
    call_command("verify-log")
    assert "OK: 6 records" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_direct_edit_of_a_row_is_found_and_named(capsys):
    _write(3, subjects=2)
    middle = ProcessingRecord.objects.order_by("seq")[2]
    table = ProcessingRecord._meta.db_table
    _tamper(f"UPDATE {table} SET outcome = 'error' WHERE id = %s", [middle.id])  # noqa: S608
    report = verify_log()
    assert not report.ok
    broken = report.first_break
    assert (broken.table, broken.record_id, broken.what) == ("processing", middle.id, "hash")
    assert broken.found == middle.hash
    with pytest.raises(SystemExit) as exit_:
        call_command("verify-log")
    assert exit_.value.code == 1
    assert f"processing chain {middle.chain} id {middle.id}: hash expected" in (
        capsys.readouterr().err
    )


@pytest.mark.django_db
def test_an_edited_audit_actor_is_found(worker_a, colleague_a):
    _write(2, actor=worker_a)
    first = AuditRecord.objects.order_by("seq").first()
    table = AuditRecord._meta.db_table
    _tamper(f"UPDATE {table} SET actor_label = 'iemand' WHERE id = %s", [first.id])  # noqa: S608
    broken = verify_log().first_break
    assert (broken.table, broken.record_id, broken.what) == ("audit", first.id, "hash")


@pytest.mark.django_db
def test_a_deleted_middle_row_is_found_at_the_row_after_it():
    _write(3, subjects=1)
    rows = list(ProcessingRecord.objects.order_by("seq"))
    table = ProcessingRecord._meta.db_table
    _tamper(f"DELETE FROM {table} WHERE id = %s", [rows[1].id])  # noqa: S608
    broken = verify_log().first_break
    assert (broken.table, broken.record_id, broken.what) == ("processing", rows[2].id, "seq")
    assert (broken.expected, broken.found) == ("2", "3")


@pytest.mark.django_db
def test_a_deleted_last_row_is_found_against_the_chain_head():
    _write(2, subjects=1)
    last = AuditRecord.objects.order_by("seq").last()
    table = AuditRecord._meta.db_table
    _tamper(f"DELETE FROM {table} WHERE id = %s", [last.id])  # noqa: S608
    broken = verify_log().first_break
    assert (broken.table, broken.what, broken.record_id) == ("audit", "last link", None)


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize("model", [AuditRecord, ProcessingRecord])
@pytest.mark.parametrize("statement", ["UPDATE {} SET trace_id = 'x'", "DELETE FROM {}"])
def test_the_database_refuses_update_and_delete(model, statement):
    _write(1, subjects=1)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement.format(model._meta.db_table))
    assert model.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_give_valid_chains(settings):
    settings.PRIVACY_LOG_CHAINS = 2  # few chains: writers share them and must queue
    threads, per_thread, errors = 8, 25, []
    start = threading.Barrier(threads)

    def work():
        try:
            start.wait()
            _write(per_thread, subjects=3)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    report = verify_log()
    assert report.ok, str(report.first_break)
    assert AuditRecord.objects.count() == threads * per_thread
    assert ProcessingRecord.objects.count() == threads * per_thread * 3
    heads = ChainHead.objects.all()
    assert sum(h.audit_seq for h in heads) == threads * per_thread
