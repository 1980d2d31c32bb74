"""Reads for the privacy officer: the register of processing activities and one data subject's
processing history (who processed what, when, with which result)."""

from dataclasses import dataclass

from django.conf import settings

from . import keyed_hash, register
from .activities import Activity
from .models import AuditRecord, ProcessingRecord

HISTORY_LIMIT = 500
#: What a processing record's history shows of the audit record of the same write: the match
#: (trace, span, activity, time: `services.log_processing` writes them alike) and the rest.
AUDIT_MATCH_FIELDS = (
    "trace_id",
    "span_id",
    "activity",
    "timestamp",
    "actor_label",
    "action",
    "object_type",
    "object_id",
)


def register_entries() -> list[register.Entry]:
    return register.entries(Activity.choices)


def pseudonym_keys() -> dict[int, str]:
    """Every pseudonym key version still in the log: the current key (PSEUDONYM_KEY_VERSION)
    and the earlier ones (PSEUDONYM_KEYS_OLD, version → key), docs/privacy.md."""
    keys = {int(v): k for v, k in getattr(settings, "PSEUDONYM_KEYS_OLD", {}).items()}
    keys[int(getattr(settings, "PSEUDONYM_KEY_VERSION", 1))] = settings.PSEUDONYM_KEY
    return keys


def pseudonyms_of(subject_ids) -> dict[str, str]:
    """Pseudonym → subject id, under every key version: the log is never rewritten, so a
    person's records made before a key rotation carry the pseudonym of the old key."""
    keys = pseudonym_keys()
    return {
        keyed_hash.pseudonym(key, str(subject)): str(subject)
        for subject in subject_ids
        for key in keys.values()
    }


@dataclass(frozen=True)
class HistoryRow:
    record: ProcessingRecord
    activity_name: str
    actor: str
    action: str
    object: str
    subject: str


def history(subjects: dict) -> tuple[list[HistoryRow], bool]:
    """The processing records of the given subjects (subject id → label), newest first, with
    the actor from the audit record of the same write (trace id, span id, activity and time),
    and whether there are more than HISTORY_LIMIT."""
    by_pseudonym = pseudonyms_of(subjects)
    records = list(
        ProcessingRecord.objects.filter(data_subject__in=list(by_pseudonym)).order_by(
            "-started_at", "-id"
        )[: HISTORY_LIMIT + 1]
    )
    more = len(records) > HISTORY_LIMIT
    records = records[:HISTORY_LIMIT]
    audits = {}
    for audit in AuditRecord.objects.filter(trace_id__in={r.trace_id for r in records}).only(
        *AUDIT_MATCH_FIELDS
    ):
        audits[(audit.trace_id, audit.span_id, audit.activity, audit.timestamp)] = audit
    names = dict(Activity.choices)
    rows = []
    for r in records:
        audit = audits.get((r.trace_id, r.span_id, r.activity, r.ended_at))
        rows.append(
            HistoryRow(
                record=r,
                activity_name=str(names.get(r.activity, r.activity)),
                actor=audit.actor_label if audit else "",
                action=audit.action if audit else "",
                object=f"{audit.object_type} {audit.object_id}".strip() if audit else "",
                subject=subjects[by_pseudonym[r.data_subject]],
            )
        )
    return rows, more
