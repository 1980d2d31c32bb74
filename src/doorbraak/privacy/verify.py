"""Proves the hash chains of the processing log and the audit trail (`manage.py verify-log`).

Per table and chain, in `seq` order, every row must have the next seq, the previous row's
hash as `prev_hash`, and `hash` = link(prev_hash, digest of its fields); the last row must be
the chain head's. The first row that fails is the first broken link: a changed field shows as
a wrong hash on that row, a deleted row as a gap in seq (and a wrong prev_hash) on the row after
it, a deleted tail as a head that no row reaches. Reads in batches by (chain, seq), on the
unique index, so memory stays flat at national scale.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from . import chain
from .models import AuditRecord, ChainHead, ProcessingRecord

BATCH = 5000

TABLES = (
    ("audit", AuditRecord, chain.AUDIT_FIELDS),
    ("processing", ProcessingRecord, chain.PROCESSING_FIELDS),
)


@dataclass(frozen=True)
class Break:
    table: str
    chain: int | None
    record_id: int | None
    what: str
    expected: str
    found: str

    def __str__(self) -> str:
        row = f"id {self.record_id}" if self.record_id is not None else "chain head"
        return (
            f"{self.table} chain {self.chain} {row}: {self.what} "
            f"expected {self.expected}, found {self.found}"
        )


@dataclass
class Report:
    checked: dict
    first_break: Break | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


def _rows(model, fields, number) -> Iterator:
    columns = ["id", "seq", "prev_hash", "hash", *fields]
    last = 0
    while True:
        batch = list(
            model.objects.filter(chain=number, seq__gt=last)
            .order_by("seq")
            .values_list(*columns)[:BATCH]
        )
        if not batch:
            return
        yield from batch
        last = batch[-1][1]


def _verify_chain(table, model, fields, number, head) -> tuple[int, Break | None]:
    seq, prev, count = 0, chain.GENESIS, 0
    for record_id, row_seq, prev_hash, hash_, *values in _rows(model, fields, number):
        count += 1
        seq += 1
        if row_seq != seq:
            return count, Break(table, number, record_id, "seq", str(seq), str(row_seq))
        if prev_hash != prev:
            return count, Break(table, number, record_id, "prev_hash", prev, prev_hash)
        expected = chain.link(prev_hash, chain.digest(values))
        if hash_ != expected:
            return count, Break(table, number, record_id, "hash", expected, hash_)
        prev = hash_
    head_seq = getattr(head, f"{table}_seq", 0) if head else 0
    head_hash = getattr(head, f"{table}_hash", chain.GENESIS) if head else chain.GENESIS
    if (seq, prev) != (head_seq, head_hash):
        return count, Break(
            table, number, None, "last link", f"{head_seq} {head_hash}", f"{seq} {prev}"
        )
    return count, None


def verify_log() -> Report:
    heads = {h.chain: h for h in ChainHead.objects.all()}
    checked = {}
    for table, model, fields in TABLES:
        unchained = model.objects.filter(chain__isnull=True).order_by("id").first()
        if unchained is not None:
            return Report(checked, Break(table, None, unchained.id, "chain", "a chain", "none"))
        numbers = sorted(set(heads) | set(model.objects.values_list("chain", flat=True).distinct()))
        for number in numbers:
            count, broken = _verify_chain(table, model, fields, number, heads.get(number))
            checked[(table, number)] = count
            if broken:
                return Report(checked, broken)
    return Report(checked, None)
