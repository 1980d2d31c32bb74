"""Writes to the processing log and the audit trail. Called explicitly from views and API
code whenever personal data of a case is shown, exported or changed — never via signals."""

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ..accounts.client_ip import client_address
from ..raw_insert import db_value, insert_fields
from . import chain, keyed_hash, tracecontext
from .activities import Activity
from .models import AuditRecord, ChainHead, Outcome, ProcessingRecord


@dataclass(frozen=True)
class Origin:
    trace_id: str
    span_id: str
    parent_span_id: str
    actor: object | None
    origin: str


def origin_from_request(request) -> Origin:
    address = client_address(request)
    channel = "api" if request.path.startswith("/api/") else "web"
    user = getattr(request, "user", None)
    return Origin(
        trace_id=getattr(request, "trace_id", "") or "0" * 32,
        span_id=getattr(request, "span_id", "") or "0" * 16,
        parent_span_id=getattr(request, "parent_span_id", ""),
        actor=user if user is not None and user.is_authenticated else None,
        origin=f"{channel} {address}".strip(),
    )


def origin_from_context(actor=None, origin: str = "task") -> Origin:
    """The origin of work outside a request (a Celery task, a command): the current trace
    context (`tracecontext`; a task runs in its sender's trace with a new span), or a new
    trace."""
    context = tracecontext.current() or tracecontext.continue_or_start(None)
    return Origin(
        trace_id=context.trace_id,
        span_id=context.span_id,
        parent_span_id=context.parent_span_id,
        actor=actor,
        origin=origin,
    )


def log_request(
    request, activity, action, object_type, object_id, subject_ids, result=Outcome.OK
) -> None:
    """`log_processing` for what a page or API call did, with its origin from the request."""
    log_processing(
        origin_from_request(request),
        activity=activity,
        action=action,
        object_type=object_type,
        object_id=object_id,
        subject_ids=subject_ids,
        result=result,
    )


_ACTIVITY_IDS = frozenset(Activity.values)
logger = logging.getLogger(__name__)


def subject_pseudonym(subject_id) -> str:
    return keyed_hash.pseudonym(settings.PSEUDONYM_KEY, str(subject_id))


def log_processing(
    origin: Origin,
    *,
    activity: Activity,
    action: str,
    object_type: str,
    object_id: object = "",
    subject_ids: Iterable[object] = (),
    result: Outcome = Outcome.OK,
    started_at=None,
) -> None:
    """One audit record for the action, and one processing record per data subject, written
    together: both or neither. An activity that is not in the register is refused before anything
    is processed (fail closed)."""
    subjects = list(dict.fromkeys(str(s) for s in subject_ids))
    # A security event without data subjects (a refused login address) is an audit record
    # without an activity; every processing of a data subject needs a registered activity.
    if activity not in _ACTIVITY_IDS and (activity != "" or subjects):
        _refuse_unknown_activity(origin, activity, action, object_type, object_id)
    now = timezone.now()
    audit = AuditRecord(
        trace_id=origin.trace_id,
        span_id=origin.span_id,
        timestamp=now,
        actor=origin.actor,
        actor_label=str(origin.actor.username) if origin.actor else "anoniem",
        action=action,
        activity=activity,
        object_type=object_type,
        object_id=str(object_id),
        result=result,
        origin=origin.origin[:200],
        subject_count=len(subjects),
    )
    records = [
        ProcessingRecord(
            trace_id=origin.trace_id,
            span_id=origin.span_id,
            parent_span_id=origin.parent_span_id,
            activity=activity,
            data_subject=subject_pseudonym(subject),
            started_at=started_at or now,
            ended_at=now,
            outcome=result,
            key_version=pseudonym_key_version(),
        )
        for subject in subjects
    ]
    if connection.vendor == "postgresql":
        _insert_in_one_statement(audit, records)
        return
    _insert_chained(audit, records)


def _refuse_unknown_activity(origin, activity, action, object_type, object_id) -> None:
    """Fail closed: no processing record is written and the caller gets an error, so the
    processing does not happen; the attempt itself is an audit record (activity
    `verwerking-geweigerd`, result `denied`, the unknown id in the action) and a log line. In a
    surrounding transaction that the error rolls back, the log line is what remains."""
    logger.error(
        "Verwerking geweigerd: onbekende verwerkingsactiviteit %r (%s %s %s)",
        activity,
        action,
        object_type,
        object_id,
    )
    log_processing(
        origin,
        activity=Activity.REFUSED,
        action=f"{action} {activity}"[:40],
        object_type=object_type,
        object_id=object_id,
        result=Outcome.DENIED,
    )
    raise ValueError(f"unknown processing activity {activity!r}: processing refused")


def pseudonym_key_version() -> int:
    return getattr(settings, "PSEUDONYM_KEY_VERSION", 1)


def _chain_count() -> int:
    return max(1, int(getattr(settings, "PRIVACY_LOG_CHAINS", 16)))


def _current_chain() -> int:
    """The chain this connection appends to: its PostgreSQL backend's pid modulo the number of
    chains. One transaction runs on one backend, so it never waits for two chain heads (no
    deadlock between its own log writes), and concurrent requests spread over the chains."""
    if connection.vendor != "postgresql":
        return 0
    connection.ensure_connection()
    return connection.connection.info.backend_pid % _chain_count()


def _insert_chained(audit: AuditRecord, records: list[ProcessingRecord]) -> None:
    """The ORM path (SQLite): take the database's write lock first, then read the chain head,
    link the records in Python and write records and head in one transaction."""
    number = _current_chain()
    with transaction.atomic():
        if not ChainHead.objects.filter(chain=number).update(chain=number):
            ChainHead.objects.create(chain=number)
        head = ChainHead.objects.select_for_update().get(chain=number)
        head.audit_seq += 1
        audit.chain, audit.seq, audit.prev_hash = number, head.audit_seq, head.audit_hash
        audit.hash = head.audit_hash = chain.link(
            audit.prev_hash, chain.record_digest(audit, chain.AUDIT_FIELDS)
        )
        for record in records:
            head.processing_seq += 1
            record.chain, record.seq, record.prev_hash = (
                number,
                head.processing_seq,
                head.processing_hash,
            )
            record.hash = head.processing_hash = chain.link(
                record.prev_hash, chain.record_digest(record, chain.PROCESSING_FIELDS)
            )
        audit.save(force_insert=True)
        ProcessingRecord.objects.bulk_create(records)
        head.save()


_CHAIN_COLUMNS = ("chain", "seq", "prev_hash", "hash")


def _content_fields(model) -> list:
    return [f for f in insert_fields(model) if f.name not in _CHAIN_COLUMNS]


def _cast(field) -> str:
    return f"%s::{field.db_type(connection).split('(')[0]}"


@functools.cache
def _one_statement_sql() -> str:
    """Table and column names come from the models' metadata, never from input; every
    value is a query parameter. `privacy_chain_links` (migration 0009) locks the chain head
    row, returns the links (n = 0 the audit record, 1..k the processing records) and moves the
    head; the two inserts take their chain, seq and hashes from it."""
    audit_fields = _content_fields(AuditRecord)
    record_fields = _content_fields(ProcessingRecord)
    quote = connection.ops.quote_name
    chain_columns = ", ".join(quote(c) for c in _CHAIN_COLUMNS)
    arrays = ", ".join(f"{_cast(f)}[]" for f in record_fields)
    names = ", ".join(f"c{i}" for i in range(len(record_fields)))
    return (
        "WITH links AS MATERIALIZED (SELECT * FROM privacy_chain_links(%s, %s, %s::bytea[])), "  # noqa: S608
        f"audit AS (INSERT INTO {quote(AuditRecord._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in audit_fields)}, {chain_columns}) "
        f"SELECT {', '.join(_cast(f) for f in audit_fields)}, "
        "l.link_chain, l.link_seq, l.link_prev, l.link_hash FROM links l WHERE l.link_n = 0) "
        f"INSERT INTO {quote(ProcessingRecord._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in record_fields)}, {chain_columns}) "
        f"SELECT {names}, l.link_chain, l.link_seq, l.link_prev, l.link_hash "
        f"FROM unnest({arrays}) WITH ORDINALITY AS u({names}, n) "
        "JOIN links l ON l.link_n = u.n"
    )


def _insert_in_one_statement(audit: AuditRecord, records: list[ProcessingRecord]) -> None:
    """Every page view writes the log, so on PostgreSQL it is one round trip: the chain
    function, a data-modifying WITH for the audit record and the outer INSERT for the
    processing records from arrays. One statement is atomic on its own. The digests of the
    records are computed here; the database only links them (docs/decisions/0008, 0013)."""
    params = [
        _current_chain(),
        chain.record_digest(audit, chain.AUDIT_FIELDS),
        [chain.record_digest(r, chain.PROCESSING_FIELDS) for r in records],
    ]
    params += [db_value(f, audit) for f in _content_fields(AuditRecord)]
    params += [[db_value(f, r) for r in records] for f in _content_fields(ProcessingRecord)]
    with connection.cursor() as cursor:
        cursor.execute(_one_statement_sql(), params)
