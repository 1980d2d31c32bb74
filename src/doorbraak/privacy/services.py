"""Writes to the processing log and the audit trail. Called explicitly from views and API
code whenever personal data of a case is shown, exported or changed — never via signals."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

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
    address = request.META.get("REMOTE_ADDR", "")
    channel = "api" if request.path.startswith("/api/") else "web"
    user = getattr(request, "user", None)
    return Origin(
        trace_id=getattr(request, "trace_id", "") or "0" * 32,
        span_id=getattr(request, "span_id", "") or "0" * 16,
        parent_span_id=getattr(request, "parent_span_id", ""),
        actor=user if user is not None and user.is_authenticated else None,
        origin=f"{channel} {address}".strip(),
    )


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
) -> AuditRecord:
    """One audit record for the action, and one processing record per data subject."""
    now = timezone.now()
    subjects = list(dict.fromkeys(str(s) for s in subject_ids))
    with transaction.atomic():
        audit = AuditRecord.objects.create(
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
        ProcessingRecord.objects.bulk_create(
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
        )
    return audit
