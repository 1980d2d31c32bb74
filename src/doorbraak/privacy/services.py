"""Writes to the processing log and the audit trail. Called explicitly from views and API
code whenever personal data of a case is shown, exported or changed — never via signals."""

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ..accounts.client_ip import client_address
from ..raw_insert import db_value, insert_fields, insert_values
from . import keyed_hash
from .activities import Activity
from .models import AuditRecord, Outcome, ProcessingRecord


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
    together: both or neither. A processing of personal data (any data subject) whose activity is
    not in the register is refused before anything is written (fail closed); an action without
    data subjects (a login, a setting) may leave the activity empty."""
    subjects = list(dict.fromkeys(str(s) for s in subject_ids))
    if activity not in _ACTIVITY_IDS and (subjects or activity):
        raise ValueError(f"unknown processing activity {activity!r}")
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
        )
        for subject in subjects
    ]
    if connection.vendor == "postgresql":
        _insert_in_one_statement(audit, records)
        return
    with transaction.atomic():
        audit.save(force_insert=True)
        ProcessingRecord.objects.bulk_create(records)


@functools.cache
def _one_statement_sql() -> str:
    """Table and column names come from the models' metadata, never from input; every
    value is a query parameter."""
    audit_fields, record_fields = insert_fields(AuditRecord), insert_fields(ProcessingRecord)
    quote = connection.ops.quote_name
    arrays = ", ".join(f"%s::{f.db_type(connection).split('(')[0]}[]" for f in record_fields)
    return (
        f"WITH audit AS (INSERT INTO {quote(AuditRecord._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(f.column) for f in audit_fields)}) "
        f"VALUES ({', '.join(['%s'] * len(audit_fields))})) "
        f"INSERT INTO {quote(ProcessingRecord._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in record_fields)}) "
        f"SELECT * FROM unnest({arrays})"
    )


def _insert_in_one_statement(audit: AuditRecord, records: list[ProcessingRecord]) -> None:
    """Every page view writes the log, so on PostgreSQL it is one round trip: a
    data-modifying WITH inserts the audit record, the outer INSERT the processing records
    from arrays. One statement is atomic on its own. The ORM would need BEGIN, two INSERTs
    and COMMIT (four round trips); docs/decisions/0008."""
    params = insert_values(audit)
    params += [[db_value(f, r) for r in records] for f in insert_fields(ProcessingRecord)]
    with connection.cursor() as cursor:
        cursor.execute(_one_statement_sql(), params)
