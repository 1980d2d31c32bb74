"""The chain heads outside the database (decision 0013, "what it does not prove"; issue 16).

Someone with superuser rights can rewrite a chain from a changed row on, head included, and
`verify-log` would find nothing. Against that `export_heads` appends the 16 chain heads with
a timestamp as one JSON line to a file outside the database (`DOORBRAAK_PRIVACY_HEADS_FILE`:
make it append-only, `chattr +a`, or point it at a WORM mount or a SIEM's drop directory),
nightly from Celery beat and with `manage.py export_chain_heads`. Each line holds the SHA-256
of the line before it, so a line taken out of the file shows too. `check_heads` compares every
exported head with the database: the row at the exported seq of each chain must carry the
exported hash — a rewritten or truncated chain cannot."""

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from . import chain
from .models import AuditRecord, ChainHead, ProcessingRecord

MODELS = {"audit": AuditRecord, "processing": ProcessingRecord}


def heads_file() -> Path | None:
    name = getattr(settings, "PRIVACY_HEADS_FILE", "")
    return Path(name) if name else None


def _line_hash(line: str) -> str:
    return hashlib.sha256(line.encode()).hexdigest()


def _last_line(path: Path) -> str:
    if not path.exists():
        return ""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[-1] if lines else ""


def export_heads(path: Path | None = None) -> dict:
    """Append the current chain heads to `path` (default: the setting); returns the entry."""
    path = path or heads_file()
    if path is None:
        raise ValueError("DOORBRAAK_PRIVACY_HEADS_FILE is not set: nowhere to export to")
    previous = _last_line(path)
    entry = {
        "exported_at": timezone.now().isoformat(),
        "previous": _line_hash(previous) if previous else chain.GENESIS,
        "chains": {
            str(h.chain): {
                "audit_seq": h.audit_seq,
                "audit_hash": h.audit_hash,
                "processing_seq": h.processing_seq,
                "processing_hash": h.processing_hash,
            }
            for h in ChainHead.objects.order_by("chain")
        },
    }
    line = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    with path.open("a", encoding="utf-8") as handle:  # append only, never rewritten
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return entry


@dataclass(frozen=True)
class Mismatch:
    line: int
    table: str
    chain: int | None
    what: str

    def __str__(self) -> str:
        where = f"{self.table} chain {self.chain}" if self.chain is not None else self.table
        return f"exported heads line {self.line}: {where}: {self.what}"


def check_heads(path: Path) -> list[Mismatch]:
    """Every exported head against the database, line by line (first mismatches first)."""
    problems = []
    previous = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        entry = json.loads(line)
        expected = _line_hash(previous) if previous else chain.GENESIS
        if entry.get("previous") != expected:
            problems.append(Mismatch(number, "file", None, "the line before it was changed"))
        previous = line
        for chain_number, head in entry["chains"].items():
            for table, model in MODELS.items():
                seq, hash_ = head[f"{table}_seq"], head[f"{table}_hash"]
                if not seq:
                    continue
                found = (
                    model.objects.filter(chain=int(chain_number), seq=seq)
                    .values_list("hash", flat=True)
                    .first()
                )
                if found != hash_:
                    what = (
                        f"no row at seq {seq}"
                        if found is None
                        else f"row at seq {seq} has hash {found}, exported {hash_}"
                    )
                    problems.append(Mismatch(number, table, int(chain_number), what))
    return problems
