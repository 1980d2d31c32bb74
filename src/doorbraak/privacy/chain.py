"""Hash chain of the processing log and the audit trail (docs/decisions/0013). Pure Python.

Each record's link is

    hash = SHA-256(previous hash ‖ digest),  digest = SHA-256(canonical serialisation)

with the hashes as 32 raw bytes (stored as 64 hex characters) and the first record of a chain
linked to `GENESIS` (64 zeros). The canonical serialisation is the JSON array of the fields in
`AUDIT_FIELDS` / `PROCESSING_FIELDS` order, without spaces, with datetimes in UTC as ISO 8601
with microseconds and the actor as its user id. It is written once and must never change:
a changed format would break every existing chain. The chain, seq and the hashes themselves
are not in the digest; the links order the rows, and `seq` is gapless within a chain.
"""

import datetime
import hashlib
import json

GENESIS = "0" * 64

AUDIT_FIELDS = (
    "trace_id",
    "span_id",
    "timestamp",
    "actor_id",
    "actor_label",
    "action",
    "activity",
    "object_type",
    "object_id",
    "result",
    "origin",
    "subject_count",
)
PROCESSING_FIELDS = (
    "trace_id",
    "span_id",
    "parent_span_id",
    "activity",
    "data_subject",
    "data_subject_type",
    "started_at",
    "ended_at",
    "outcome",
    "key_version",
)


def _canonical(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")
    if value is None or isinstance(value, int):
        return value
    return str(value)


def digest(values) -> bytes:
    """SHA-256 of the canonical serialisation of one record's field values (in field order)."""
    text = json.dumps([_canonical(v) for v in values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).digest()


def record_digest(record, fields) -> bytes:
    return digest(getattr(record, f) for f in fields)


def link(prev_hash: str, record_digest_: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + record_digest_).hexdigest()
